import type { FlowGraph, GraphNode } from '../model/graph.js';

/** How far either side of a guess a step is looked for (by object identity). */
const NEARBY = 256;
/** How far after its flow a step is looked for, when it is not near the guess. */
const AFTER_FLOW = 4096;

/**
 * Node id -> position in `graph.nodes` for building the graph index, without an id map of every
 * node in the common case. On 500k nodes, filling such a map is the slowest part of indexing (each
 * growth rehashes every key, a cache miss each) and every lookup costs a few cache misses more.
 * Instead: the caller's guess is checked first (the very same id string, a pointer compare); a
 * flow or resource comes from a map of those only; a step is found by identity near the guess,
 * else just after its flow, since importers add a flow's steps together after the flow and emit
 * its edges in step order. Only when that fails, or the searches have read too much (an order
 * these guesses do not fit), is the full map built, once. Every answer is exact either way.
 */
export class NodePositions {
  private readonly byId = new Map<string, number>();
  private everyId: Map<string, number> | undefined;
  /**
   * Node slots the searches may still read: 64 per node, a fraction of what filling the id map
   * costs. An edge order the guesses do not fit spends it quickly, and then the map answers.
   */
  private scanBudget: number;

  constructor(
    private readonly graph: FlowGraph,
    private readonly ids: readonly string[],
    private readonly nodes: readonly GraphNode[],
    /** Index -> true for a step (so the nodes need not be read again to tell). */
    isStep: (position: number) => boolean,
  ) {
    for (let i = 0; i < nodes.length; i++) if (!isStep(i)) this.byId.set(ids[i] as string, i);
    this.scanBudget = 64 * nodes.length;
  }

  /** True when `id` is at `position` (cheap: a pointer compare when the strings are the same). */
  isAt(id: string, position: number): boolean {
    return position >= 0 && position < this.ids.length && this.ids[position] === id;
  }

  /** The position of `id`, looked for around `near`; -1 when it is not a node. */
  find(id: string, near: number): number {
    if (this.everyId !== undefined) return this.everyId.get(id) ?? -1;
    const node = this.graph.nodes.get(id);
    if (node === undefined) return -1;
    if (node.kind !== 'step') return this.byId.get(id) ?? -1;
    if (this.scanBudget > 0) {
      let found = this.findNear(node, id, near);
      if (found < 0) {
        const flow = this.byId.get(node.flowId);
        if (flow !== undefined) found = this.findAfter(node, id, flow);
      }
      if (found >= 0) return found;
    }
    return this.all().get(id) ?? -1;
  }

  /** Every id -> position, built the first time something needs it. */
  all(): ReadonlyMap<string, number> {
    if (this.everyId === undefined) {
      const map = new Map<string, number>();
      for (let i = 0; i < this.ids.length; i++) map.set(this.ids[i] as string, i);
      this.everyId = map;
    }
    return this.everyId;
  }

  private findNear(node: GraphNode, id: string, near: number): number {
    const { nodes, ids } = this;
    const from = Math.max(0, near - NEARBY);
    const to = Math.min(nodes.length - 1, near + NEARBY);
    let d = 0;
    let found = -1;
    for (; found < 0 && (near + d <= to || near - d >= from); d++) {
      const after = near + d;
      const before = near - d;
      if (after <= to && nodes[after] === node && ids[after] === id) found = after;
      else if (before >= from && nodes[before] === node && ids[before] === id) found = before;
    }
    this.scanBudget -= 2 * d;
    return found;
  }

  private findAfter(node: GraphNode, id: string, start: number): number {
    const { nodes, ids } = this;
    const to = Math.min(nodes.length - 1, start + AFTER_FLOW);
    let at = start + 1;
    while (at <= to && !(nodes[at] === node && ids[at] === id)) at++;
    this.scanBudget -= at - start;
    return at <= to ? at : -1;
  }
}
