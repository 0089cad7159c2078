import { type ExportGraph, type GraphResponse, type Layout, layeredLayout } from '@flowgraph/core';
import type { ElementDefinition } from 'cytoscape';
import { toElements } from './elements.js';
import { fitLabel, labelMeasure } from './label-fit.js';
import { deferLevelOfDetail, type LevelOfDetail, levelOfDetail, withLevelOfDetail } from './level-of-detail.js';

/** What the org canvas draws, built once per graph (in the graph worker, see `api/read-graph.ts`). */
export interface PreparedOrg {
  /** The positions drawn: the server's layout, or the layered layout when it does not cover every node. */
  layout: Layout;
  /** The elements the canvas starts with. */
  elements: ElementDefinition[];
  /** Level of detail: the resources and their edges, added to the canvas when a highlight touches them; empty on a small graph. */
  deferred: ElementDefinition[];
  lod: LevelOfDetail | undefined;
}

/** The stages of preparing, for the page's progress. */
export type PrepareStage = 'layout' | 'elements';

/**
 * Layout (when the server sent none that covers the graph), Cytoscape element definitions and
 * the level of detail's split, as plain data: built off the main thread and handed over whole.
 */
export function prepareOrg(response: GraphResponse, onStage: (stage: PrepareStage) => void = () => {}): PreparedOrg {
  const { graph } = response;
  let layout = response.layout;
  if (!covers(layout, graph)) {
    onStage('layout');
    layout = layeredLayout({
      nodes: graph.nodes.map((node) => ({ id: node.id })),
      edges: graph.edges.map((edge) => ({ source: edge.source, target: edge.target })),
    });
  }
  onStage('elements');
  const all = toElements(graph, layout);
  const measure = labelMeasure();
  const fit = (name: string, suffix: string) => (measure ? fitLabel(name, suffix, measure) : name + suffix);
  const lod = levelOfDetail(graph);
  if (!lod) {
    for (const element of all) if (element.group === 'nodes') element.data.label = fit(String(element.data.label), '');
    return { layout, elements: all, deferred: [], lod };
  }
  const { drawn, deferred } = deferLevelOfDetail(withLevelOfDetail(all, lod, fit));
  return { layout, elements: drawn, deferred, lod };
}

function covers(layout: Layout | undefined, graph: ExportGraph): layout is Layout {
  return layout !== undefined && graph.nodes.every((node) => layout.positions[node.id] !== undefined);
}
