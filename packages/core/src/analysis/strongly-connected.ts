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
  /**
   * Component -> the node the depth-first search that completed it started from. Searches start
   * at each unvisited node in index order, so these ascend with the component number.
   */
  rootOf: Int32Array;
}

/**
 * The arrays one component search works in, kept to search many small graphs (one per flow)
 * without allocating each time: a search over `n` nodes uses their first `n` (+ 1) entries, and
 * the `Components` it returns are these arrays, valid until the next search with them.
 */
export interface ComponentBuffers {
  order: Int32Array;
  low: Int32Array;
  onStack: Uint8Array;
  stack: Int32Array;
  callStack: Int32Array;
  cursor: Int32Array;
  componentOf: Int32Array;
  offsets: Int32Array;
  fill: Int32Array;
  members: Int32Array;
  rootOf: Int32Array;
}

export function createComponentBuffers(capacity: number): ComponentBuffers {
  return {
    order: new Int32Array(capacity),
    low: new Int32Array(capacity),
    onStack: new Uint8Array(capacity),
    stack: new Int32Array(capacity),
    callStack: new Int32Array(capacity),
    cursor: new Int32Array(capacity),
    componentOf: new Int32Array(capacity),
    offsets: new Int32Array(capacity + 1),
    fill: new Int32Array(capacity),
    members: new Int32Array(capacity),
    rootOf: new Int32Array(capacity),
  };
}

/**
 * Strongly connected components by Tarjan's algorithm (Tarjan 1972), iterative: an explicit call
 * stack and a per-node cursor into its out-edges replace recursion, so a 500k-node chain cannot
 * overflow the stack. O(V + E). `n`: how many nodes, when the rows are in buffers larger than the graph.
 */
export function stronglyConnectedComponents(
  index: Adjacency,
  mask?: EdgeMask,
  n = index.outOffsets.length - 1,
  buffers = createComponentBuffers(n),
): Components {
  const { outOffsets, outTargets, outEdges } = index;
  const { order, low, onStack, stack, callStack, cursor, componentOf, rootOf } = buffers;
  order.fill(-1, 0, n);
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
        rootOf[count] = root;
        count++;
      }
      if (callSize > 0) {
        const parent = callStack[callSize - 1] as number;
        if ((low[v] as number) < (low[parent] as number)) low[parent] = low[v] as number;
      }
    }
  }

  groupByComponent(n, count, buffers);
  return { componentOf, count, offsets: buffers.offsets, members: buffers.members, rootOf };
}

/** Counting sort of nodes by component, into `buffers.offsets` and `buffers.members`. */
function groupByComponent(n: number, count: number, buffers: ComponentBuffers): void {
  const { componentOf, offsets, fill, members } = buffers;
  offsets.fill(0, 0, count + 1);
  for (let v = 0; v < n; v++) {
    const c = componentOf[v] as number;
    offsets[c + 1] = (offsets[c + 1] as number) + 1;
  }
  for (let c = 0; c < count; c++) {
    offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
    fill[c] = offsets[c] as number;
  }
  for (let v = 0; v < n; v++) {
    const c = componentOf[v] as number;
    members[fill[c] as number] = v;
    fill[c] = (fill[c] as number) + 1;
  }
}

/** True when the node has an edge (allowed by the mask) to itself. */
export function hasSelfLoop(index: Adjacency, node: number, mask?: EdgeMask): boolean {
  for (let slot = index.outOffsets[node] as number; slot < (index.outOffsets[node + 1] as number); slot++) {
    if (index.outTargets[slot] === node && (mask === undefined || mask[index.outEdges[slot] as number] === 1)) {
      return true;
    }
  }
  return false;
}
