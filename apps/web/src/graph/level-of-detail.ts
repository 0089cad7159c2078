import type { ExportGraph } from '@flowgraph/core';
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { categoryOf } from './palette.js';
import { type VisualClass, withClass } from './visual-class.js';

/**
 * Level of detail of the org view. Above `LOD_NODE_THRESHOLD` nodes the resources (queues, data
 * actions, prompts: most nodes and nine edges in ten of a large org) are not drawn until
 * something touches them: a selection's impact, a search match, a cycle. Each flow's label counts
 * the resources it uses (`Name (+7)`), and the page lists the hidden ones per type. The resources
 * and their edges (`lod` data) are not given to the canvas at first: three elements in four of a
 * large org, whose style Cytoscape would compute at the first frame only to find them hidden. A
 * highlight that touches one adds it (`touchedDeferred`); from then on it stays, hidden by one
 * stylesheet rule and shown by the lit classes, so a selection changes no more classes than
 * without LOD and search, focus and deep links reach every node. A resource a selection shows
 * brings only its lit edges: a queue shared by hundreds of flows would otherwise draw (under the
 * dimming) an edge to each of them, seconds of drawing at 10,000 flows for nothing highlighted.
 */
export const LOD_NODE_THRESHOLD = 1500;

/** The classes that draw a resource or edge the level of detail hides: what a highlight touches. */
const EXPANDING: readonly VisualClass[] = ['selected', 'upstream', 'downstream', 'cycle', 'match', 'keyboard-focus'];

export interface LevelOfDetail {
  /** Resources drawn only when a highlight touches them. */
  hidden: number;
  /** Hidden resources per category of the legend (Data action, Queue / routing), most first. */
  byType: readonly { type: string; count: number }[];
  /** Per flow, the resources it uses (its count on the canvas). */
  perFlow: ReadonlyMap<string, number>;
}

/** The level of detail of a graph, or undefined when it is small enough to draw whole. */
export function levelOfDetail(graph: ExportGraph, threshold = LOD_NODE_THRESHOLD): LevelOfDetail | undefined {
  if (graph.nodes.length <= threshold) return undefined;
  const kinds = new Map(graph.nodes.map((node) => [node.id, node.kind]));
  const types = new Map<string, number>();
  for (const node of graph.nodes) {
    if (node.kind !== 'resource') continue;
    const label = categoryOf(node.kind, node.type).label;
    types.set(label, (types.get(label) ?? 0) + 1);
  }
  const perFlow = new Map<string, number>();
  for (const edge of graph.edges) {
    if (kinds.get(edge.source) === 'flow' && kinds.get(edge.target) === 'resource')
      perFlow.set(edge.source, (perFlow.get(edge.source) ?? 0) + 1);
  }
  const byType = [...types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  return { hidden: byType.reduce((sum, entry) => sum + entry.count, 0), byType, perFlow };
}

/**
 * The canvas elements with the level of detail: resources and their edges marked `lod`, flows
 * labelled with their count. `fit` makes each label (a name and the count after it) fit its node.
 */
export function withLevelOfDetail(
  elements: readonly ElementDefinition[],
  lod: LevelOfDetail,
  fit: (name: string, suffix: string) => string = (name, suffix) => name + suffix,
): ElementDefinition[] {
  const resources = new Set(
    elements.filter((element) => element.data.kind === 'resource' && element.group === 'nodes').map((node) => node.data.id),
  );
  return elements.map((element) => {
    const { data } = element;
    if (element.group !== 'nodes') {
      const touchesResource = resources.has(data.source) || resources.has(data.target);
      return touchesResource ? { ...element, data: { ...data, lod: true } } : element;
    }
    const name = String(data.label);
    if (data.kind === 'resource') return { ...element, data: { ...data, lod: true, label: fit(name, '') } };
    const count = data.id === undefined ? undefined : lod.perFlow.get(data.id);
    return { ...element, data: { ...data, label: fit(name, count === undefined ? '' : ` (+${count})`) } };
  });
}

/**
 * The stylesheet with the level of detail: `lod` nodes and edges not drawn, unless a highlight
 * class touches them. Labels need a larger screen size before they are drawn at all.
 */
export function withLevelOfDetailStyle(sheet: StylesheetJson): StylesheetJson {
  return [
    ...sheet,
    { selector: 'node', style: { 'min-zoomed-font-size': 8 } },
    { selector: 'node[?landmark]', style: { 'min-zoomed-font-size': 0 } },
    { selector: '[?lod]', style: { display: 'none' as const } },
    ...EXPANDING.map((name) => ({ selector: `${withClass(name)}[?lod]`, style: { display: 'element' as const } })),
    // A filter hides even what a highlight touches.
    { selector: withClass('hidden'), style: { display: 'none' as const } },
  ];
}

/** The elements the level of detail marked (`lod`), apart from the rest: the canvas starts with `drawn`. */
export function deferLevelOfDetail(elements: readonly ElementDefinition[]): { drawn: ElementDefinition[]; deferred: ElementDefinition[] } {
  const drawn: ElementDefinition[] = [];
  const deferred: ElementDefinition[] = [];
  for (const element of elements) (element.data.lod === true ? deferred : drawn).push(element);
  return { drawn, deferred };
}

/**
 * The deferred elements a highlight touches (a class that draws them, see `EXPANDING`), with the
 * ends of those edges: what the canvas must hold before the classes are applied. Nodes first.
 */
export function touchedDeferred(
  deferred: ReadonlyMap<string, ElementDefinition>,
  classes: ReadonlyMap<string, string>,
): ElementDefinition[] {
  const nodes = new Map<string, ElementDefinition>();
  const edges: ElementDefinition[] = [];
  for (const [id, names] of classes) {
    const element = deferred.get(id);
    if (!element || !names.split(' ').some((name) => EXPANDING.includes(name as VisualClass))) continue;
    if (element.group === 'nodes') {
      nodes.set(id, element);
      continue;
    }
    edges.push(element);
    for (const end of [element.data.source, element.data.target]) {
      const node = end === undefined ? undefined : deferred.get(end);
      if (node) nodes.set(end, node);
    }
  }
  return [...nodes.values(), ...edges];
}
