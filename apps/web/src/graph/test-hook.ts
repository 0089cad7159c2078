import type { Core } from 'cytoscape';

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
  /** Whether the node's centre is inside the viewport. */
  inView(id: string): boolean;
  /** No view animation (a jump, a fit) is running: positions read now stay true. */
  settled(): boolean;
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
    visible: (id) => cy.getElementById(id).visible(),
    zoom: () => cy.zoom(),
    inView(id) {
      const p = cy.getElementById(id).renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height();
    },
    settled: () => !cy.animated(),
  };
  window.__flowgraph = { ...window.__flowgraph, [name]: probe };
  return () => {
    if (window.__flowgraph?.[name] === probe) delete window.__flowgraph[name];
  };
}
