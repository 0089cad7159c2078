/**
 * Compressed sparse rows: node `i`'s out-edges sit in slots `outOffsets[i] .. outOffsets[i + 1]`
 * (`outTargets` their targets, `outEdges` their edge numbers), its in-edges likewise.
 */
export interface CompressedRows {
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outEdges: Int32Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
  /** Undefined where nothing reads an in-slot's edge (the cycle search). */
  inEdges: Int32Array | undefined;
}

/** Zeroed rows with room for `nodes` nodes and `edges` edges, without in-slot edges. */
export function emptyRows(nodes: number, edges: number): CompressedRows {
  return {
    outOffsets: new Int32Array(nodes + 1),
    outTargets: new Int32Array(edges),
    outEdges: new Int32Array(edges),
    inOffsets: new Int32Array(nodes + 1),
    inSources: new Int32Array(edges),
    inEdges: undefined,
  };
}

/** Counts each node's edges into `offsets[node + 1]`, as `fillRows` takes them; the offsets are zeroed first. */
export function countRows(rows: CompressedRows, size: number, count: number, sources: Int32Array, targets: Int32Array): void {
  const { outOffsets, inOffsets } = rows;
  outOffsets.fill(0, 0, size + 1);
  inOffsets.fill(0, 0, size + 1);
  for (let i = 0; i < count; i++) {
    const source = sources[i] as number;
    if (source < 0) continue;
    const target = targets[i] as number;
    outOffsets[source + 1] = (outOffsets[source + 1] as number) + 1;
    inOffsets[target + 1] = (inOffsets[target + 1] as number) + 1;
  }
}

/**
 * The rows of `size` nodes from `count` edges `sources[i] -> targets[i]`, an edge whose source is
 * -1 left out. Slot `i`'s edge number is `edges[i]`, or `firstEdge + i` without `edges`.
 * `outOffsets[node + 1]` and `inOffsets[node + 1]` come in as the node's counts and leave as
 * offsets. `outFill` and `inFill` are scratch of `size` or more: callers that fill rows flow after
 * flow reuse theirs. Filling in edge order keeps each node's neighbours in input order, so every
 * traversal is deterministic.
 */
export function fillRows(
  rows: CompressedRows,
  size: number,
  count: number,
  sources: Int32Array,
  targets: Int32Array,
  edges: Int32Array | undefined,
  firstEdge: number,
  outFill: Int32Array,
  inFill: Int32Array,
): void {
  const { outOffsets, outTargets, outEdges, inOffsets, inSources, inEdges } = rows;
  for (let node = 0; node < size; node++) {
    outOffsets[node + 1] = (outOffsets[node + 1] as number) + (outOffsets[node] as number);
    inOffsets[node + 1] = (inOffsets[node + 1] as number) + (inOffsets[node] as number);
    outFill[node] = outOffsets[node] as number;
    inFill[node] = inOffsets[node] as number;
  }
  for (let i = 0; i < count; i++) {
    const source = sources[i] as number;
    if (source < 0) continue;
    const target = targets[i] as number;
    const edge = edges === undefined ? firstEdge + i : (edges[i] as number);
    const outSlot = outFill[source] as number;
    outFill[source] = outSlot + 1;
    outTargets[outSlot] = target;
    outEdges[outSlot] = edge;
    const inSlot = inFill[target] as number;
    inFill[target] = inSlot + 1;
    inSources[inSlot] = source;
    if (inEdges !== undefined) inEdges[inSlot] = edge;
  }
}
