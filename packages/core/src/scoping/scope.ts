import type { ExportEdge, ExportNode } from '../contract/graph.js';

/**
 * A scope is one readable piece of the graph cut out for a review: a node's neighbourhood (focus),
 * one cycle with its callers and callees, or the paths between two nodes. Every scope has the same
 * drawable shape, so one set of exporters (DOT, Mermaid, JSON, SVG) and one file-name rule serve all.
 */
export type ScopeKind = 'focus' | 'cycle' | 'path';

/**
 * Where a node sits relative to what the scope is about:
 * - `self`: the focused node (focus), or a member of the cycle (cycle focus), or an end of a path;
 * - `up`: it reaches the focus (depends on it: breaks if it changes); a cycle's caller;
 * - `down`: the focus reaches it (depends on it); a cycle's callee;
 * - `both`: reached both ways (it shares a cycle with the focus);
 * - `path`: an inner node of a path.
 */
export type ScopeSide = 'self' | 'up' | 'down' | 'both' | 'path';

/** Which graph the scope's hops are counted in. */
export type ScopeLevel = 'org' | 'steps';

/** A node of a scope: the export node plus where it sits. A group node stands for several. */
export interface ScopeNode extends ExportNode {
  side: ScopeSide;
  /** Hops from the focus (the smaller of the two sides for `both`); for a path, hops from its start. */
  depth: number;
  /** Present on a node that stands for several (a collapsed resource type, a group): how many and which. */
  group?: ScopeGroupInfo;
}

export interface ScopeGroupInfo {
  count: number;
  /** Ids of the nodes it stands for, sorted. */
  members: string[];
}

/** An edge of a scope; `count` > 1 when it stands for several (edges into a group node). */
export interface ScopeEdge extends ExportEdge {
  /** On the concrete cycle path of the scope's cycle (or of a cycle of the analysis). */
  inCycle?: boolean;
  /** Position of this hop on the scope's cycle path (0 = first hop), so the direction can be drawn. */
  cycleHop?: number;
  /** The suggested cut of a cycle. */
  cut?: boolean;
  count?: number;
}

/** The drawable part every scope has. Nodes sorted by id; edges by source, target. */
export interface ScopeDiagram {
  kind: ScopeKind;
  level: ScopeLevel;
  /** For `steps`: the flow whose step graph it is. */
  flowId?: string;
  /** What it shows, for a person: `Main IVR: downstream, 2 hops`. */
  title: string;
  /** What it shows, for a file name: `main-ivr.down-2` (see scopeFileName). */
  fileStem: string;
  nodes: ScopeNode[];
  edges: ScopeEdge[];
}

/** Above this many nodes labels stop being readable at fit; a scope then offers grouping. */
export const READABLE_NODE_LIMIT = 150;

/**
 * Over 150 nodes labels stop being readable at fit: `offered` says so, and `groupedNodeCount` is how
 * many nodes the diagram has when grouped (`applied` when grouping was asked for).
 */
export interface ScopeGrouping {
  offered: boolean;
  applied: boolean;
  nodeLimit: number;
  groupedNodeCount: number;
}
