import type { Core } from 'cytoscape';
import { isDimPlate } from './dimming.js';

/**
 * A read-only window into a canvas for the Playwright tests: a canvas has no DOM per node,
 * so tests ask here for classes and screen positions. Nothing in the app reads it.
 */
export interface CanvasProbe {
  classes(id: string): string[];
  /** Page coordinates of a node's centre, for clicking it. */
  pagePosition(id: string): { x: number; y: number } | null;
  visible(id: string): boolean;
  zoom(): number;
  /** The viewport's pan, in CSS pixels (the benchmark checks a drag really moved the view). */
  pan(): { x: number; y: number };
  /** Whether the node's centre is inside the viewport. */
  inView(id: string): boolean;
  /** No view animation (a jump, a fit) is running: positions read now stay true. */
  settled(): boolean;
  /**
   * The labels drawn (visible elements with text) and the smallest of them on screen: its font
   * size in model units times the zoom, in CSS pixels. A label hidden for being too small counts.
   */
  labels(): { count: number; minPx: number; nodesInView: number };
  /** (`nodesInView`: nodes wholly inside the viewport, drawing-only nodes not counted.) */
  /** Ids of the nodes drawn, without drawing-only nodes (column bands). */
  nodeIds(): string[];
  /** Each edge as drawn: its ends, line style, colour and caption. */
  edges(): { source: string; target: string; lineStyle: string; colour: string; label: string }[];
}

declare global {
  interface Window {
    __flowgraph?: Record<string, CanvasProbe>;
  }
}

export function registerProbe(name: string, cy: Core, container: HTMLElement): () => void {
  const probe: CanvasProbe = {
    classes: (id) => cy.getElementById(id).classes(),
    pagePosition(id) {
      const node = cy.getElementById(id);
      if (node.empty()) return null;
      const box = container.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    // Not on the canvas (the level of detail adds it when a highlight touches it): not drawn.
    visible: (id) => cy.getElementById(id).nonempty() && cy.getElementById(id).visible(),
    zoom: () => cy.zoom(),
    pan: () => ({ ...cy.pan() }),
    inView(id) {
      const p = cy.getElementById(id).renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height();
    },
    settled: () => !cy.animated(),
    labels() {
      let count = 0;
      let minPx = Number.POSITIVE_INFINITY;
      const zoom = cy.zoom();
      cy.elements(':visible').forEach((element) => {
        const text = element.style('label');
        if (typeof text !== 'string' || text === '' || Number(element.style('text-opacity')) === 0) return;
        count++;
        minPx = Math.min(minPx, element.numericStyle('font-size') * zoom);
      });
      const extent = cy.extent();
      const nodesInView = cy.nodes(':visible').filter((node) => {
        if (node.data('band') === true || isDimPlate(node)) return false;
        const box = node.boundingBox({ includeLabels: false });
        return box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2;
      }).length;
      return { count, minPx: count === 0 ? 0 : minPx, nodesInView };
    },
    nodeIds: () =>
      cy
        .nodes()
        .filter((node) => node.data('band') !== true && !isDimPlate(node))
        .map((node) => node.id()),
    edges: () =>
      cy.edges().map((edge) => ({
        source: edge.source().id(),
        target: edge.target().id(),
        lineStyle: String(edge.style('line-style')),
        colour: String(edge.style('line-color')),
        label: String(edge.data('label') ?? ''),
      })),
  };
  window.__flowgraph = { ...window.__flowgraph, [name]: probe };
  return () => {
    if (window.__flowgraph?.[name] === probe) delete window.__flowgraph[name];
  };
}
