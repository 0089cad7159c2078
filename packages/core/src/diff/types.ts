import type { Cycle, Finding } from '../analysis/result.js';
import type { NodeKind, PublishState } from '../model/graph.js';
import type { IdMatch } from './align.js';

/** How reporters and readers name an id the diff mentions, without the graphs. */
export interface DiffNodeInfo {
  name: string;
  kind: NodeKind;
  type: string;
  state: PublishState;
  /** The file it was imported from, when it came from one (newer side first). */
  file?: string;
  /** Which side(s) hold it. */
  side: 'old' | 'new' | 'both';
}

/** One property of a flow or resource that differs between the sides. */
export interface PropertyChange {
  kind: 'property';
  property: string;
  before?: string;
  after?: string;
}

/** The flows and resources the object uses (org level: a step's references count for its flow). */
export interface UsesChange {
  kind: 'uses';
  added: string[];
  removed: string[];
}

/** A flow's steps: by step id, and steps whose name, type or outgoing edges differ. */
export interface StepsChange {
  kind: 'steps';
  added: string[];
  removed: string[];
  changed: string[];
}

export type NodeChange = PropertyChange | UsesChange | StepsChange;

export interface ChangedNode {
  id: string;
  name: string;
  changes: NodeChange[];
}

export interface DiffEdge {
  source: string;
  target: string;
  /** The actions that make the reference (merged from every step), when known. */
  via?: string;
}

export interface NodeSetDiff {
  /** Defined on the new side only (a reference-only "missing" placeholder does not count). */
  added: string[];
  /** Defined on the old side only. */
  removed: string[];
  changed: ChangedNode[];
}

export interface ChangeImpact {
  /** Every flow and resource added, changed or removed: where the blast radius starts. */
  changed: string[];
  /** Flows and resources that reach a change (upstream, any depth), the changes themselves excluded. */
  nodes: string[];
  /** Entry flows (inbound, outbound, messaging) that reach a change, each with one shortest path to it. */
  entryFlows: Array<{ id: string; path: string[] }>;
}

/**
 * What changed between two states of an org (two crawls, a branch and main, dev and prod).
 * Ids are the old side's; a new-side object matched by name keeps its old id (see `matchedByName`).
 * Documented in docs/history-and-ci.md.
 */
export interface GraphDiff {
  flows: NodeSetDiff;
  resources: NodeSetDiff;
  /** Org-level edges (flows and resources; step references lifted to their flow). */
  edges: { added: DiffEdge[]; removed: DiffEdge[] };
  /** Cycles compared by scope and member set: a cycle that grows is one resolved and one introduced. */
  cycles: { introduced: Cycle[]; resolved: Cycle[] };
  /** Findings compared by code, subject and identifying members (see `findingKey`). */
  findings: { introduced: Finding[]; resolved: Finding[] };
  impact: ChangeImpact;
  /**
   * Publish waves for the change: the added and changed flows and resources, plus what they need
   * that the old side lacks, dependencies first. Members of one cycle share a wave.
   */
  publishOrder: string[][];
  /** Groups in `publishOrder` that depend on each other and must be published together. */
  publishGroups: string[][];
  matchedByName: IdMatch[];
  /** Every id the diff mentions. */
  nodes: Record<string, DiffNodeInfo>;
  summary: DiffSummary;
}

export interface DiffSummary {
  flowsAdded: number;
  flowsRemoved: number;
  flowsChanged: number;
  resourcesAdded: number;
  resourcesRemoved: number;
  resourcesChanged: number;
  edgesAdded: number;
  edgesRemoved: number;
  cyclesIntroduced: number;
  cyclesResolved: number;
  findingsIntroduced: number;
  findingsResolved: number;
  /** An introduced error-level finding: what `diff` (and a CI gate on it) fails on. */
  introducesErrors: boolean;
}
