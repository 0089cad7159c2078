/**
 * A fast layered (Sugiyama-style) left-to-right layout for dependency graphs:
 * cycle breaking by DFS back edges -> longest-path layering with each cycle kept together ->
 * long edges split into dummy nodes -> barycenter ordering sweeps -> coordinates (tall layers
 * spread over columns; a split edge bends through its dummies); disconnected components laid out
 * one by one and packed onto shelves.
 * Users sit left of what they depend on. Everything is iterative and close to linear, because
 * dagre/elk/fcose take seconds to minutes at a few thousand nodes (see toolchain.md).
 */
import { findBackEdges } from './break-cycles.js';
import { chooseRows } from './columns.js';
import { weakComponents } from './components.js';
import { type IndexedGraph, indexGraph } from './indexed-graph.js';
import { assignLayers } from './layering.js';
import { type LongEdges, splitLongEdges } from './long-edges.js';
import { orderLayers } from './ordering.js';
import { packShelves } from './pack.js';
import { DEFAULT_LAYOUT_OPTIONS, type EdgeRoute, type LayeredLayoutOptions, type Layout, type LayoutGraph, type Point } from './types.js';

export function layeredLayout(graph: LayoutGraph, options: LayeredLayoutOptions = {}): Layout {
  const settings = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const indexed = indexGraph(graph);
  const n = indexed.ids.length;
  const back = findBackEdges(indexed);
  const { layer, topoOrder, blockOf } = assignLayers(indexed, back);
  const blockOfNode = (v: number) => (v < n ? blockOf[v]! : -1);
  const components = weakComponents(indexed, topoOrder);
  for (const members of components) startAtZero(members, layer);
  const long = splitLongEdges(indexed, back, layer, Math.round(n * settings.dummyBudget));
  const withDummies = membersWithDummies(components, long, n);

  const x = new Float64Array(long.total);
  const y = new Float64Array(long.total);
  // Lone nodes (unused resources, flows nothing calls) share one grid block instead of each
  // taking a whole component slot, which would spread them thinly across the page.
  const singles = withDummies.filter((members) => members.length === 1).map((members) => members[0]!);
  const groups = singles.length > 1 ? [...withDummies.filter((members) => members.length > 1), singles] : withDummies;
  const boxes = groups.map((members) => {
    const layers = members === singles ? [singles] : layersOf(members, long.layer);
    if (members !== singles) orderLayers(layers, long.layer, long.neighbours, settings.sweeps, blockOfNode);
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
  boxes.forEach((box, i) => {
    const origin = placed.origins[i]!;
    for (const v of box.members) {
      x[v]! += origin.x;
      y[v]! += origin.y;
    }
  });
  const positions: Layout['positions'] = {};
  for (let v = 0; v < n; v++) positions[indexed.ids[v]!] = { x: x[v]!, y: y[v]! };
  return { positions, width: placed.width, height: placed.height, routes: routesOf(indexed, long, x, y) };
}

/** Shifts a component's layers so its leftmost is 0. */
function startAtZero(members: readonly number[], layer: Int32Array): void {
  let min = Number.POSITIVE_INFINITY;
  for (const v of members) min = Math.min(min, layer[v]!);
  for (const v of members) layer[v]! -= min;
}

/** Each weak component's nodes followed by the dummies of its split edges. */
function membersWithDummies(components: readonly number[][], long: LongEdges, n: number): number[][] {
  const componentOf = new Int32Array(n);
  components.forEach((members, c) => {
    for (const v of members) componentOf[v] = c;
  });
  const lists = components.map((members) => [...members]);
  for (let dummy = n; dummy < long.total; dummy++) lists[componentOf[long.ownerOf(dummy)]!]!.push(dummy);
  return lists;
}

/** The component's layers, nodes in the order given. */
function layersOf(members: readonly number[], layer: Int32Array): number[][] {
  const layers: number[][] = [];
  for (const v of members) {
    const nodes = layers[layer[v]!];
    if (nodes) nodes.push(v);
    else layers[layer[v]!] = [v];
  }
  // A layer can be empty (pulled sources, a cycle's span); keep indices dense anyway.
  return Array.from(layers, (nodes) => nodes ?? []);
}

/** The bend points of every split edge: its dummies' positions, source to target. */
function routesOf(graph: IndexedGraph, long: LongEdges, x: Float64Array, y: Float64Array): EdgeRoute[] {
  const routes: EdgeRoute[] = [];
  for (let e = 0; e < graph.from.length; e++) {
    const first = long.chainStart[e]!;
    const last = long.chainStart[e + 1]!;
    if (first === last) continue;
    const points: Point[] = [];
    for (let k = first; k < last; k++) points.push({ x: x[long.chain[k]!]!, y: y[long.chain[k]!]! });
    routes.push({ source: graph.ids[graph.from[e]!]!, target: graph.ids[graph.to[e]!]!, points });
  }
  return routes;
}
