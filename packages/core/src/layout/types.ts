/** Input of a layout: only ids and edge endpoints matter. Edge direction is "source depends on target". */
export interface LayoutGraph {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
}

export interface Point {
  x: number;
  y: number;
}

/** Where a long edge bends, source to target: it passes through a free slot of each layer it crosses. */
export interface EdgeRoute {
  source: string;
  target: string;
  points: Point[];
}

/** Node centres plus the size of the box holding them all (origin at 0,0), and the bends of long edges. */
export interface Layout {
  positions: Record<string, Point>;
  width: number;
  height: number;
  /** Only edges that bend; any other edge is a straight line between its ends. */
  routes: EdgeRoute[];
}

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
