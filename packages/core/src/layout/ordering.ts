/**
 * Barycenter crossing reduction: each sweep re-sorts every layer by the mean position of its
 * neighbours in the layers already placed (down sweep: to the left, up sweep: to the right).
 * Long edges arrive split into dummy nodes (long-edges.ts), so every neighbour is one layer away
 * or, for a budget-capped edge, counts with its far end's position.
 * Nodes of one block (a small cycle in one layer, `blockOf` >= 0) move as one: they share the
 * mean of their keys, so they stay adjacent.
 */
export function orderLayers(
  layers: number[][],
  layer: Int32Array,
  neighbours: (v: number) => Iterable<number>,
  sweeps: number,
  blockOf: (v: number) => number,
): void {
  const position = new Float64Array(layer.length);
  // Positions are centred per layer, as the final coordinates are, so layers of different sizes compare.
  const place = (nodes: number[]) => {
    const middle = (nodes.length - 1) / 2;
    nodes.forEach((v, i) => {
      position[v] = i - middle;
    });
  };
  for (const nodes of layers) place(nodes);
  const reorder = (l: number, fromLeft: boolean) => {
    const nodes = layers[l]!;
    const key = new Map<number, number>();
    for (const v of nodes) {
      let sum = 0;
      let count = 0;
      for (const w of neighbours(v)) {
        if (fromLeft ? layer[w]! < l : layer[w]! > l) {
          sum += position[w]!;
          count++;
        }
      }
      // A node with no placed neighbour keeps its place, so it doesn't drift to one end.
      key.set(v, count > 0 ? sum / count : position[v]!);
    }
    shareBlockKeys(nodes, key, blockOf);
    nodes.sort((a, b) => key.get(a)! - key.get(b)! || blockOf(a) - blockOf(b) || position[a]! - position[b]!);
    place(nodes);
  };
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let l = 1; l < layers.length; l++) reorder(l, true);
    for (let l = layers.length - 2; l >= 0; l--) reorder(l, false);
  }
}

/** Every member of a block gets the mean key of the block's members in this layer. */
function shareBlockKeys(nodes: readonly number[], key: Map<number, number>, blockOf: (v: number) => number): void {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const v of nodes) {
    const block = blockOf(v);
    if (block < 0) continue;
    const entry = sums.get(block) ?? { sum: 0, count: 0 };
    entry.sum += key.get(v)!;
    entry.count++;
    sums.set(block, entry);
  }
  if (sums.size === 0) return;
  for (const v of nodes) {
    const entry = sums.get(blockOf(v));
    if (entry) key.set(v, entry.sum / entry.count);
  }
}
