/**
 * Barycenter crossing reduction: each sweep re-sorts every layer by the mean position of its
 * neighbours in the layers already placed (down sweep: to the left, up sweep: to the right).
 * Long edges count with their far end's position; no dummy nodes, which keeps it linear per sweep.
 */
export function orderLayers(layers: number[][], layer: Int32Array, neighbours: (v: number) => Iterable<number>, sweeps: number): void {
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
    nodes.sort((a, b) => key.get(a)! - key.get(b)! || position[a]! - position[b]!);
    place(nodes);
  };
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let l = 1; l < layers.length; l++) reorder(l, true);
    for (let l = layers.length - 2; l >= 0; l--) reorder(l, false);
  }
}
