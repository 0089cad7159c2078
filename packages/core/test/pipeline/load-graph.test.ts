import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDot } from '../../src/exporters/dot.js';
import { loadGraph } from '../../src/pipeline/load-graph.js';
import { renderDot } from '../exporters/graphviz.js';

const examples = join(import.meta.dirname, '../../../../examples');
const read = (name: string) => ({ path: `examples/${name}`, text: readFileSync(join(examples, name), 'utf8') });

describe('[I] loadGraph on the examples', () => {
  const loaded = loadGraph([read('tutorial-org.json'), read('snapshot-org.json'), { path: 'notes.md', text: '# not a flow' }]);

  it('imports both examples, links them and summarises the load', () => {
    expect(loaded.summary).toEqual({
      files: { total: 3, byFormat: { snapshot: 1, 'tutorial-json': 1, unknown: 1 }, failed: 1 },
      flowsByType: { COMMONMODULE: 2, INBOUNDCALL: 4, WORKFLOW: 1 },
      steps: 15,
      referencesByVia: { callCommonModule: 2, callData: 2, dataTableLookup: 1, playAudio: 1, transferToAcd: 2, transition: 3 },
      unresolved: 0,
      ambiguous: 0,
      templated: 0,
      issues: 1,
      errors: 1,
      warnings: 0,
    });
    expect(loaded.issues[0]).toMatchObject({ file: 'notes.md', severity: 'error' });
  });

  it('keeps the tutorial menu loop, the org cycle between two flows and the published-to-unpublished call', () => {
    const { graph } = loaded;
    expect(graph.edges).toContainEqual({
      source: 'main-ivr:main-menu',
      target: 'main-ivr:main-menu',
      kind: 'transition',
      label: 'digit_9_repeat',
    });
    expect(graph.edges).toContainEqual({ source: 'main-ivr:billing', target: 'billing-module', kind: 'uses', via: 'transition' });
    expect(graph.edges).toContainEqual({ source: 'billing-module:say-balance', target: 'main-ivr', kind: 'uses', via: 'transition' });
    expect(graph.edges).toContainEqual({ source: 'main-ivr:support', target: 'after-hours', kind: 'uses', via: 'transition' });
    expect(graph.nodes.get('main-ivr')?.state).toBe('published');
    expect(graph.nodes.get('after-hours')?.state).toBe('unpublished');
  });

  it('keeps the snapshot common module call, the deleted data action and the lock', () => {
    const { graph } = loaded;
    expect(graph.edges).toContainEqual({
      source: '2f1c7a52-0b7e-4a8e-9a43-1f6f3c0d1a01',
      target: '7b9e2d10-5c3a-4f61-b2a8-3e4d5f6a7b02',
      kind: 'uses',
      via: 'callCommonModule',
    });
    expect(graph.nodes.get('a0000000-0000-4000-8000-000000000002')).toMatchObject({
      kind: 'resource',
      type: 'DATAACTION',
      state: 'deleted',
    });
    expect(graph.nodes.get('c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e03')).toMatchObject({ lockedBy: 'Jane Architect', state: 'unpublished' });
    expect(renderDot(exportDot(graph)).status).toBe(0);
  });
});

describe('[I] loadGraph across tutorial files', () => {
  const flow = (id: string, to: string) => ({
    id,
    name: id.toUpperCase(),
    version: '1',
    metadata: { status: 'published' },
    definition: { nodes: { start: { type: 'start', name: 'Start' } }, transitions: [{ from: 'start', to, condition: 'transfer' }] },
  });

  it("resolves a transition to another file's flow or step, and reports one that matches nothing", () => {
    const loaded = loadGraph([
      { path: 'a.json', text: JSON.stringify([flow('a', 'b:start')]) },
      { path: 'b.json', text: JSON.stringify({ flows: [flow('b', 'a'), flow('c', 'nowhere')] }) },
    ]);
    expect(loaded.graph.edges).toContainEqual({ source: 'a:start', target: 'b:start', kind: 'uses', via: 'transition' });
    expect(loaded.graph.edges).toContainEqual({ source: 'b:start', target: 'a', kind: 'uses', via: 'transition' });
    expect(loaded.issues).toEqual([
      {
        file: 'b.json',
        flow: 'C',
        field: 'flows[1].definition.transitions[0].to',
        message: 'dangling transition: "nowhere" is not a step of this flow, nor a flow or step in any imported file',
        severity: 'error',
      },
    ]);
    expect(loaded.summary.errors).toBe(1);
  });
});
