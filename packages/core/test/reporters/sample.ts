import { analyze } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import type { FlowGraph } from '../../src/model/graph.js';
import { flow, graphOf, resource, uses } from '../analysis/builders.js';

/** Two states of a small org: "before" has a legacy deleted reference; "after" adds a cycle and a module. */
export const before: FlowGraph = graphOf(
  [
    flow('main', { name: 'Main IVR', type: 'INBOUNDCALL', file: 'flows/main.yaml', line: 3 }),
    flow('billing', { name: 'Billing | Payments', file: 'flows/billing.yaml' }),
    resource('old-action', { name: 'Legacy <CRM>', type: 'DATAACTION', state: 'deleted' }),
  ],
  [uses('main', 'billing'), uses('billing', 'old-action')],
);

export const after: FlowGraph = graphOf(
  [
    flow('main', { name: 'Main IVR', type: 'INBOUNDCALL', file: 'flows/main.yaml', line: 3 }),
    flow('billing', { name: 'Billing | Payments', file: 'flows/billing.yaml', versions: { published: '2.0' } }),
    flow('refunds', { name: 'Refunds "new"', file: 'flows/refunds.yaml' }),
    resource('old-action', { name: 'Legacy <CRM>', type: 'DATAACTION', state: 'deleted' }),
  ],
  [uses('main', 'billing'), uses('billing', 'old-action'), uses('billing', 'refunds'), uses('refunds', 'billing')],
);

export const beforeResult = analyze(new AnalysisContext(before));
export const afterResult = analyze(new AnalysisContext(after));
