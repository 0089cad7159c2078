import type { AnalysisResult } from '../../src/contract/analysis.js';
import type { FlowGraph, GraphNode } from '../../src/model/graph.js';

/** Two flows calling each other (an org cycle), a menu loop, an ambiguous and a missing target. */
export function sampleGraph(): FlowGraph {
  const nodes: GraphNode[] = [
    {
      kind: 'flow',
      id: 'main',
      name: 'Main "IVR"',
      type: 'INBOUNDCALL',
      state: 'published',
      versions: { published: '2.0' },
      file: 'org.json',
    },
    { kind: 'flow', id: 'module', name: 'Billing\\Module', type: 'COMMONMODULE', state: 'unpublished', versions: {}, file: 'org.json' },
    { kind: 'flow', id: 'missing:flow:gone', name: 'Gone', type: 'UNKNOWN', state: 'missing', versions: {} },
    { kind: 'step', id: 'main:menu', name: 'Menu <1>', state: 'published', flowId: 'main', stepId: 'menu', type: 'menu', file: 'org.json' },
    {
      kind: 'step',
      id: 'main:billing',
      name: 'Billing {x};',
      state: 'published',
      flowId: 'main',
      stepId: 'billing',
      type: 'task',
      file: 'org.json',
    },
    { kind: 'resource', id: 'da-1', name: 'Get #1 & more', type: 'DATAACTION', state: 'unknown' },
    {
      kind: 'resource',
      id: 'dynamic:QUEUE:Task.Queue',
      name: 'Task.Queue',
      type: 'UNKNOWN',
      rawType: 'QUEUE',
      expression: 'Task.Queue',
      state: 'unknown',
    },
  ];
  return {
    nodes: new Map(nodes.map((node) => [node.id, node])),
    edges: [
      { source: 'main', target: 'main:menu', kind: 'contains' },
      { source: 'main:menu', target: 'main:billing', kind: 'transition', label: 'digit_1' },
      { source: 'main:menu', target: 'main:menu', kind: 'transition', label: 'repeat' },
      { source: 'main:billing', target: 'module', kind: 'uses', via: 'transition' },
      { source: 'module', target: 'main', kind: 'uses', via: 'transferToFlow' },
      { source: 'module', target: 'da-1', kind: 'uses', via: 'callData', ambiguous: true },
      { source: 'module', target: 'missing:flow:gone', kind: 'uses', via: 'transferToFlow' },
      { source: 'main', target: 'dynamic:QUEUE:Task.Queue', kind: 'uses', via: 'transferToAcd' },
    ],
  };
}

export function sampleResult(): AnalysisResult {
  return {
    summary: { flows: 3, steps: 2, resources: 2, nodes: 7, edges: 8 },
    cycles: [
      {
        scope: 'flow',
        members: ['main:menu'],
        path: ['main:menu', 'main:menu'],
        cut: { source: 'main:menu', target: 'main:menu' },
        flowId: 'main',
      },
      {
        scope: 'org',
        // Org cycles are found on the org projection: flows and resources only.
        members: ['main', 'module'],
        path: ['main', 'module', 'main'],
        cut: { source: 'module', target: 'main' },
      },
    ],
    deployment: { waves: [], order: [], groups: [], blocked: true, dynamic: [] },
    findings: [],
    errors: [],
    warnings: [],
  };
}
