import type { ImportIssue } from '../model/issues.js';

/** The one result model the CLI, the server, the SPA and every exporter read. */
export interface AnalysisResult {
  summary: Summary;
  cycles: Cycle[];
  deployment: Deployment;
  findings: Finding[];
  /** Import errors: a file or a flow that could not be used (`check` fails on any). */
  errors: ImportIssue[];
  /** Import warnings: something was used with a default or a gap (a placeholder without a value, a skipped field). */
  warnings: ImportIssue[];
}

export interface Summary {
  flows: number;
  steps: number;
  resources: number;
  nodes: number;
  edges: number;
}

export interface EdgeRef {
  source: string;
  target: string;
}

export interface Cycle {
  /** `flow`: steps inside one flow (menu repeats, retry loops); `org`: across flows and resources. */
  scope: 'flow' | 'org';
  /** Sorted node ids of the strongly connected component. */
  members: string[];
  /**
   * A concrete cycle inside the component: first id repeated at the end, every hop a real edge.
   * It is a shortest cycle of the whole component (ties: the one through the smallest id, which it
   * starts at) when the component has at most 2,000 members and the exact search fits its work
   * budget; otherwise it is the shortest cycle through the component's smallest id. See docs/analysis.md.
   */
  path: string[];
  /** A suggested edge to cut, one hop of `path` (rule in docs/analysis.md). */
  cut: EdgeRef;
  /** For `flow` scope: the flow the steps belong to. */
  flowId?: string;
}

export interface Deployment {
  /** Waves of flow and resource ids, dependencies first; a group deployed together is listed whole in one wave. */
  waves: string[][];
  /** The waves flattened. */
  order: string[];
  /** Groups of ids that must be deployed together because they form a cycle. */
  groups: string[][];
  /** True when a cycle makes a strict order impossible (org cycles; any cycle under `strict`). */
  blocked: boolean;
  /**
   * Targets named only by a run-time expression (`Task.Queue`, `Flow.x`): not objects anyone
   * deploys, so never in a wave; listed apart. Sorted ids.
   */
  dynamic: string[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable machine-readable code, e.g. `published-uses-unpublished`, `org-cycle`, `unresolved-reference`. */
  code: string;
  severity: Severity;
  /** The node id the finding is about. */
  subject: string;
  message: string;
  /** Other node ids involved (the referenced object, the cycle members). */
  related?: string[];
}

export interface ImpactEntry {
  id: string;
  depth: number;
  /**
   * One shortest path from the queried node (downstream) or to it (upstream), both ends included.
   * Built when first read, so an impact query stays O(V + E) even on long chains.
   */
  path: string[];
}

export interface Impact {
  node: string;
  downstream: ImpactEntry[];
  upstream: ImpactEntry[];
  /** Entry flows (inbound / outbound / messaging) that reach the node. */
  entryFlows: string[];
}

export interface AnalyzeOptions {
  /** Any cycle blocks deployment, step-level loops included (the tutorial's rule). */
  strict?: boolean;
  /** Version policy: every flow must be at this version. */
  targetVersion?: string;
  /** Status policy: every flow's status must be one of these (case-insensitive). */
  allowedStatus?: string[];
}
