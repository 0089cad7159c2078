import { describe, expect, it } from 'vitest';
import type { ExportGraph, Impact } from '@flowgraph/core';
import { computeClasses, searchMatches } from '../src/graph/visual-state.js';
import { initialUiState, type Mode } from '../src/state/types.js';

const node = (id: string, kind: 'flow' | 'resource', type: string) => ({ id, kind, type, name: `Name ${id}`, state: 'published' as const });
// a -> b -> c, b -> d(resource), x <-> y (a cycle), e isolated
const graph: ExportGraph = {
  nodes: [
    node('a', 'flow', 'INBOUNDCALL'),
    node('b', 'flow', 'COMMONMODULE'),
    node('c', 'flow', 'COMMONMODULE'),
    node('d', 'resource', 'DATAACTION'),
    node('x', 'flow', 'INBOUNDCALL'),
    node('y', 'flow', 'INBOUNDCALL'),
    node('e', 'resource', 'QUEUE'),
  ],
  edges: [
    { source: 'a', target: 'b', kind: 'uses' },
    { source: 'b', target: 'c', kind: 'uses' },
    { source: 'b', target: 'd', kind: 'uses' },
    { source: 'x', target: 'y', kind: 'uses' },
    { source: 'y', target: 'x', kind: 'uses' },
  ],
};
const cycles = [{ scope: 'org' as const, members: ['x', 'y'], path: ['x', 'y', 'x'], cut: { source: 'y', target: 'x' } }];
const impactOfB: Impact = {
  node: 'b',
  downstream: [
    { id: 'c', depth: 1, path: ['b', 'c'] },
    { id: 'd', depth: 1, path: ['b', 'd'] },
  ],
  upstream: [{ id: 'a', depth: 1, path: ['a', 'b'] }],
  entryFlows: ['a'],
};

function visualFor(mode: Mode, extra: Partial<Parameters<typeof computeClasses>[0]> = {}) {
  return computeClasses({ graph, mode, filters: initialUiState.filters, cycles, findings: [], ...extra });
}
const classesFor = (mode: Mode, extra: Partial<Parameters<typeof computeClasses>[0]> = {}) => visualFor(mode, extra).classes;

describe('[U] visual state', () => {
  it('marks nothing when idle except error findings', () => {
    const visual = visualFor({ kind: 'idle' }, { findings: [{ code: 'org-cycle', severity: 'error', subject: 'd', message: '' }] });
    expect([...visual.classes]).toEqual([['d', 'finding-error']]);
    expect(visual.dimmed).toBe(false);
  });

  it('shows impact in two colours and dims the rest without a class on each', () => {
    const visual = visualFor({ kind: 'selected', nodeId: 'b' }, { impact: impactOfB });
    const classes = visual.classes;
    expect(visual.dimmed).toBe(true);
    expect(classes.get('b')).toBe('selected');
    expect(classes.get('a')).toBe('upstream');
    expect(classes.get('c')).toBe('downstream');
    expect(classes.get('d')).toBe('downstream');
    expect(classes.get('e0')).toBe('upstream');
    expect(classes.get('e1')).toBe('downstream');
    // Only the elements with a role carry a class: the selected node, its impact and their edges.
    expect([...classes.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e0', 'e1', 'e2']);
  });

  it('highlights a focused cycle, its nodes and edges, in red', () => {
    const classes = classesFor({ kind: 'cycle', key: 'x' });
    expect([classes.get('x'), classes.get('y'), classes.get('e3'), classes.get('e4')]).toEqual(['cycle', 'cycle', 'cycle', 'cycle']);
    expect(classes.has('a')).toBe(false);
  });

  it('hides filtered nodes and their edges, but never the node in focus', () => {
    const filters = { hiddenKinds: ['resource' as const], hiddenTypes: ['COMMONMODULE'], cyclesOnly: false };
    const { classes } = computeClasses({ graph, mode: { kind: 'selected', nodeId: 'c' }, filters, cycles, findings: [] });
    expect(classes.get('b')).toBe('hidden');
    expect(classes.get('d')).toBe('hidden');
    expect(classes.get('c')).toBe('selected');
    expect(classes.get('e1')).toBe('hidden');
  });

  it('applies filters to impact results too', () => {
    const filters = { ...initialUiState.filters, hiddenKinds: ['resource' as const] };
    const { classes } = computeClasses({
      graph,
      mode: { kind: 'selected', nodeId: 'b' },
      filters,
      cycles,
      findings: [],
      impact: impactOfB,
    });
    expect(classes.get('d')).toBe('hidden');
    expect(classes.get('c')).toBe('downstream');
    expect(classes.get('e2')).toBe('hidden');
  });

  it('keeps only cycle members under "cycles only"', () => {
    const filters = { ...initialUiState.filters, cyclesOnly: true };
    const { classes } = computeClasses({ graph, mode: { kind: 'idle' }, filters, cycles, findings: [] });
    const hidden = graph.nodes.filter((n) => classes.get(n.id) === 'hidden').map((n) => n.id);
    expect(hidden).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('finds search matches by name, case-insensitively, or by exact id', () => {
    expect(searchMatches(graph, 'name X')).toEqual(['x']);
    expect(searchMatches(graph, 'e')).toEqual(graph.nodes.map((n) => n.id));
    expect(searchMatches(graph, '  ')).toEqual([]);
    const classes = classesFor({ kind: 'search', query: 'name a' });
    expect(classes.get('a')).toBe('match');
    expect(classes.has('b')).toBe(false);
  });
});
