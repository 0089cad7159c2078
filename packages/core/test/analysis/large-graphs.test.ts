import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { planDeployment } from '../../src/analysis/deployment.js';
import { impact } from '../../src/analysis/impact.js';
import type { GraphEdge, GraphNode } from '../../src/model/graph.js';
import { flow, graphOf, uses } from './builders.js';

const SIZE = 300_000;

/** Nodes `n000000..`: zero-padded so the smallest id is the first. */
function chain(size: number, closed: boolean, extra: GraphEdge[] = []) {
  const ids = Array.from({ length: size }, (_, i) => `n${String(i).padStart(6, '0')}`);
  const nodes: GraphNode[] = ids.map((id) => flow(id));
  const edges = ids.slice(1).map((id, i) => uses(ids[i] as string, id));
  if (closed) edges.push(uses(ids.at(-1) as string, ids[0] as string));
  return { ids, graph: graphOf(nodes, [...edges, ...extra]) };
}

// Recursion over 300k nodes would overflow the stack; these only pass when every walk is iterative.
describe('[I] 300k-node graphs', () => {
  it('plans a 300k-node chain without recursion', () => {
    const { ids, graph } = chain(SIZE, false);
    expect(new AnalysisContext(graph).cycles).toEqual([]);
    const plan = planDeployment(new AnalysisContext(graph));
    expect(plan.waves).toHaveLength(SIZE);
    expect(plan.order[0]).toBe(ids.at(-1));
    const result = impact(new AnalysisContext(graph), ids[0] as string, { direction: 'down' });
    expect(result.downstream).toHaveLength(SIZE - 1);
    expect(result.downstream.at(-1)?.depth).toBe(SIZE - 1);
    expect(result.downstream[2]?.path).toEqual(ids.slice(0, 4));
  });

  it('finds one 300k-member cycle with its full path', () => {
    const { ids, graph } = chain(SIZE, true);
    const cycles = new AnalysisContext(graph).cycles;
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.members).toHaveLength(SIZE);
    expect(cycles[0]?.path).toEqual([...ids, ids[0]]);
    const plan = planDeployment(new AnalysisContext(graph));
    expect(plan.waves).toEqual([plan.groups[0]]);
    expect(plan.blocked).toBe(true);
  });

  it('past the exact limit, gives the shortest cycle through the smallest member', () => {
    // A 3-hop shortcut loop (n001498 -> n001499 -> n001500 -> n001498) exists, but not through n000000.
    const { ids, graph } = chain(3_000, true, [uses('n001500', 'n001498')]);
    const [cycle] = new AnalysisContext(graph).cycles;
    expect(cycle?.members).toHaveLength(3_000);
    expect(cycle?.path).toEqual([...ids, ids[0]]);
  });

  it('within the exact limit, finds the shortest cycle anywhere in the component', () => {
    const { graph } = chain(1_000, true, [uses('n000500', 'n000498')]);
    expect(new AnalysisContext(graph).cycles[0]?.path).toEqual(['n000498', 'n000499', 'n000500', 'n000498']);
  });
});
