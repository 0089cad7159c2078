import type { GraphIndex } from './graph-index.js';

/**
 * Which edges an algorithm may follow: `mask[edgeIndex] === 1`, indexed like `graph.edges`.
 * Undefined means every edge.
 */
export type EdgeMask = Uint8Array | undefined;

/** What the component search reads of a graph: out-edges in compressed rows (a GraphIndex has them). */
export type Adjacency = Pick<GraphIndex, 'outOffsets' | 'outTargets' | 'outEdges'>;

export interface Components {
  /** Node index -> component number. */
  componentOf: Int32Array;
  count: number;
  /**
   * Members of component `c` are `members[offsets[c] .. offsets[c + 1])`, in node-index order.
   * Components are numbered in the order Tarjan completes them, so everything a component
   * reaches has a smaller number: ascending numbers are a dependencies-first order.
   */
  offsets: Int32Array;
  members: Int32Array;
}

/**
 * Strongly connected components by Tarjan's algorithm (Tarjan 1972), iterative: an explicit call
 * stack and a per-node cursor into its out-edges replace recursion, so a 500k-node chain cannot
 * overflow the stack. O(V + E).
 */
export function stronglyConnectedComponents(index: Adjacency, mask?: EdgeMask): Components {
  const { outOffsets, outTargets, outEdges } = index;
  const n = outOffsets.length - 1;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callStack = new Int32Array(n);
  const cursor = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  let counter = 0;
  let stackSize = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if ((order[root] as number) >= 0) continue;
    let callSize = 0;
    order[root] = low[root] = counter++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    cursor[root] = outOffsets[root] as number;
    callStack[callSize++] = root;

    while (callSize > 0) {
      const v = callStack[callSize - 1] as number;
      const slot = cursor[v] as number;
      if (slot < (outOffsets[v + 1] as number)) {
        cursor[v] = slot + 1;
        if (mask !== undefined && mask[outEdges[slot] as number] !== 1) continue;
        const w = outTargets[slot] as number;
        if ((order[w] as number) < 0) {
          order[w] = low[w] = counter++;
          stack[stackSize++] = w;
          onStack[w] = 1;
          cursor[w] = outOffsets[w] as number;
          callStack[callSize++] = w;
        } else if (onStack[w] === 1 && (order[w] as number) < (low[v] as number)) {
          low[v] = order[w] as number;
        }
        continue;
      }
      // All of v's edges are done: v either roots a component or passes its low link up.
      callSize--;
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack[--stackSize] as number;
          onStack[w] = 0;
          componentOf[w] = count;
        } while (w !== v);
        count++;
      }
      if (callSize > 0) {
        const parent = callStack[callSize - 1] as number;
        if ((low[v] as number) < (low[parent] as number)) low[parent] = low[v] as number;
      }
    }
  }

  const { offsets, members } = groupByComponent(componentOf, count);
  return { componentOf, count, offsets, members };
}

/** Counting sort of nodes by component. */
function groupByComponent(componentOf: Int32Array, count: number): { offsets: Int32Array; members: Int32Array } {
  const offsets = new Int32Array(count + 1);
  for (const c of componentOf) offsets[c + 1] = (offsets[c + 1] as number) + 1;
  for (let c = 0; c < count; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const fill = offsets.slice(0, count);
  const members = new Int32Array(componentOf.length);
  for (let v = 0; v < componentOf.length; v++) {
    const c = componentOf[v] as number;
    members[fill[c] as number] = v;
    fill[c] = (fill[c] as number) + 1;
  }
  return { offsets, members };
}

/** True when the node has an edge (allowed by the mask) to itself. */
export function hasSelfLoop(index: GraphIndex, node: number, mask?: EdgeMask): boolean {
  for (let slot = index.outOffsets[node] as number; slot < (index.outOffsets[node + 1] as number); slot++) {
    if (index.outTargets[slot] === node && (mask === undefined || mask[index.outEdges[slot] as number] === 1)) {
      return true;
    }
  }
  return false;
}
