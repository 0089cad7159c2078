import { describe, expect, it } from 'vitest';
import { UnknownNodeError } from '../../src/analysis/errors/unknown-node.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { flowStepGraph } from '../../src/analysis/org-projection.js';
import type { FlowGraph } from '../../src/model/graph.js';
import { contains, edge, flow, graphOf, resource, step, transition, uses } from './builders.js';

/** The org projection as the context builds it. */
const orgOf = (graph: FlowGraph) => new AnalysisContext(graph).org.graph;

const graph = graphOf(
  [flow('a'), flow('b'), resource('r'), step('a', '1'), step('a', '2'), step('b', '1')],
  [
    contains('a', 'a:1'),
    transition('a:1', 'a:2'),
    uses('a:1', 'b', 'callCommonModule'),
    uses('a:2', 'b', 'transferToFlow'),
    uses('a:2', 'b', 'callCommonModule'),
    uses('a', 'b', 'transferToFlow'),
    edge('a:2', 'r', 'uses', { via: 'callData', ambiguous: true }),
    uses('b:1', 'b', 'transferToFlow'),
    uses('a:1', 'ghost'),
  ],
);

describe('[U] org projection', () => {
  it('keeps flows and resources, lifts step uses to their flow and merges parallel edges', () => {
    const org = orgOf(graph);
    expect([...org.nodes.keys()]).toEqual(['a', 'b', 'r']);
    expect(org.edges).toEqual([
      { source: 'a', target: 'b', kind: 'uses', via: 'callCommonModule, transferToFlow' },
      { source: 'a', target: 'r', kind: 'uses', via: 'callData', ambiguous: true },
    ]);
  });

  it('drops a self-loop made by lifting but keeps a flow that uses itself', () => {
    const self = graphOf([flow('a'), step('a', '1')], [uses('a:1', 'a'), uses('a', 'a', 'transferToFlow')]);
    expect(orgOf(self).edges).toEqual([{ source: 'a', target: 'a', kind: 'uses', via: 'transferToFlow' }]);
    expect(orgOf(graphOf([flow('a'), step('a', '1')], [uses('a:1', 'a')])).edges).toEqual([]);
  });

  it("lifts a use of another flow's step to that flow, so it can close an org cycle", () => {
    const crossing = graphOf(
      [flow('a'), flow('b'), step('a', '1'), step('a', '2'), step('b', '1')],
      [uses('a:1', 'b:1', 'transition'), uses('b:1', 'a:1', 'transition'), uses('a:1', 'a:2', 'transition')],
    );
    const org = orgOf(crossing);
    expect(org.edges).toEqual([
      { source: 'a', target: 'b', kind: 'uses', via: 'transition' },
      { source: 'b', target: 'a', kind: 'uses', via: 'transition' },
    ]);
  });
});

describe('[U] flowStepGraph', () => {
  it('returns the flow, its steps, their inside edges and what they use', () => {
    const inside = flowStepGraph(graph, 'a');
    expect([...inside.nodes.keys()].sort()).toEqual(['a', 'a:1', 'a:2', 'b', 'r']);
    expect(inside.edges).toHaveLength(7);
    expect(inside.edges.every((e) => inside.nodes.has(e.source) && inside.nodes.has(e.target))).toBe(true);
    expect(inside.edges.some((e) => e.source === 'b:1')).toBe(false);
  });

  it('throws a typed error for a flow that is not there', () => {
    expect(() => flowStepGraph(graph, 'r')).toThrow(UnknownNodeError);
  });
});
