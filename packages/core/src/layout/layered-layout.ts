/**
 * A fast layered (Sugiyama-style) left-to-right layout for dependency graphs:
 * cycle breaking by DFS back edges -> longest-path layering -> barycenter ordering sweeps ->
 * coordinates (tall layers spread over columns); disconnected components laid out one by one and packed onto shelves.
 * Users sit left of what they depend on. Everything is iterative and close to linear, because
 * dagre/elk/fcose take seconds to minutes at a few thousand nodes (see toolchain.md).
 */
import { findBackEdges } from './break-cycles.js';
import { chooseRows } from './columns.js';
import { weakComponents } from './components.js';
import { type IndexedGraph, indexGraph } from './indexed-graph.js';
import { assignLayers } from './layering.js';
import { orderLayers } from './ordering.js';
import { packShelves } from './pack.js';
import { DEFAULT_LAYOUT_OPTIONS, type LayeredLayoutOptions, type Layout, type LayoutGraph } from './types.js';

export function layeredLayout(graph: LayoutGraph, options: LayeredLayoutOptions = {}): Layout {
  const settings = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const indexed = indexGraph(graph);
  const back = findBackEdges(indexed);
  const { layer, topoOrder } = assignLayers(indexed, back);
  const neighbours = undirectedNeighbours(indexed);
  const x = new Float64Array(indexed.ids.length);
  const y = new Float64Array(indexed.ids.length);
  const components = weakComponents(indexed, topoOrder);
  const singles = components.filter((members) => members.length === 1).map((members) => members[0]!);
  // Lone nodes (unused resources, flows nothing calls) share one grid block instead of each
  // taking a whole component slot, which would spread them thinly across the page.
  const groups = singles.length > 1 ? [...components.filter((members) => members.length > 1), singles] : components;
  const boxes = groups.map((members) => {
    const layers = members === singles ? [singles] : componentLayers(members, layer);
    if (members !== singles) orderLayers(layers, layer, neighbours, settings.sweeps);
    const sizes = layers.map((nodes) => nodes.length);
    const rows = chooseRows(sizes, settings.aspectRatio, settings.layerSpacing, settings.nodeSpacing);
    let column = 0;
    for (const nodes of layers) {
      // Round-robin over the layer's columns keeps the barycenter order readable top to bottom.
      const columns = Math.ceil(nodes.length / rows);
      // Centred to a whole row, so rows line up across layers and a long edge can pass between them.
      const offset = Math.floor((rows - Math.ceil(nodes.length / columns)) / 2) * settings.nodeSpacing;
      nodes.forEach((v, i) => {
        x[v] = (column + (i % columns) + 0.5) * settings.layerSpacing;
        y[v] = offset + (Math.floor(i / columns) + 0.5) * settings.nodeSpacing;
      });
      column += columns;
    }
    return { members, width: column * settings.layerSpacing, height: rows * settings.nodeSpacing };
  });
  const placed = packShelves(boxes, settings.componentSpacing);
  const positions: Layout['positions'] = {};
  boxes.forEach((box, i) => {
    const origin = placed.origins[i]!;
    for (const v of box.members) positions[indexed.ids[v]!] = { x: origin.x + x[v]!, y: origin.y + y[v]! };
  });
  return { positions, width: placed.width, height: placed.height };
}

/** The component's layers, shifted so its leftmost layer is 0, nodes in topological order. */
function componentLayers(members: number[], layer: Int32Array): number[][] {
  let min = Number.POSITIVE_INFINITY;
  for (const v of members) min = Math.min(min, layer[v]!);
  const layers: number[][] = [];
  for (const v of members) {
    layer[v]! -= min;
    const nodes = layers[layer[v]!];
    if (nodes) nodes.push(v);
    else layers[layer[v]!] = [v];
  }
  // Pulling sources right can leave a layer empty only if it was empty before; keep indices dense anyway.
  return Array.from(layers, (nodes) => nodes ?? []);
}

function undirectedNeighbours(graph: IndexedGraph): (v: number) => number[] {
  const lists: number[][] = Array.from({ length: graph.ids.length }, () => []);
  for (let e = 0; e < graph.from.length; e++) {
    lists[graph.from[e]!]!.push(graph.to[e]!);
    lists[graph.to[e]!]!.push(graph.from[e]!);
  }
  return (v) => lists[v]!;
}
