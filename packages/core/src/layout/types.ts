/** Input of a layout: only ids and edge endpoints matter. Edge direction is "source depends on target". */
export interface LayoutGraph {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
}

export type { EdgeRoute, Layout, Point } from '../contract/graph.js';

export interface LayeredLayoutOptions {
  /** Horizontal distance between layer centres; room for a wrapped label. */
  layerSpacing?: number;
  /** Vertical distance between node centres within a layer. */
  nodeSpacing?: number;
  /** Gap between disconnected components. */
  componentSpacing?: number;
  /** Wanted width / height of each component; tall layers are spread over columns to approach it. */
  aspectRatio?: number;
  /** Barycenter sweeps (one down + one up each); more sweeps, fewer crossings, more time. */
  sweeps?: number;
  /**
   * Dummy nodes allowed per real node for routing long edges around nodes; the shortest long
   * edges are routed first, longer ones beyond the budget stay straight (see long-edges.ts).
   */
  dummyBudget?: number;
}

export const DEFAULT_LAYOUT_OPTIONS: Required<LayeredLayoutOptions> = {
  layerSpacing: 220,
  nodeSpacing: 56,
  componentSpacing: 120,
  sweeps: 4,
  aspectRatio: 1.6,
  dummyBudget: 2,
};
