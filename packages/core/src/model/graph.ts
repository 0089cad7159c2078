import type { FlowType } from './flow-types.js';
import type { ResourceType } from './resource-types.js';

/**
 * The one graph model every importer produces and every analysis reads.
 * Edge direction is always "source depends on / leads to target".
 */
export const NODE_KINDS = ['flow', 'resource', 'step'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const EDGE_KINDS = ['transition', 'uses', 'contains'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/**
 * Where an object stands in the org:
 * - published: has a published version;
 * - unpublished: exists, only saved / checked-in versions;
 * - deleted: the org says it was deleted (dependency tracking `deleted: true`, `Flow.deleted`);
 * - missing: referenced but not found in anything imported (external node);
 * - unknown: the source does not say (Archy YAML, a resource seen only by name).
 */
export const PUBLISH_STATES = ['published', 'unpublished', 'deleted', 'missing', 'unknown'] as const;
export type PublishState = (typeof PUBLISH_STATES)[number];

export interface FlowVersions {
  published?: string;
  saved?: string;
  checkedIn?: string;
}

interface NodeBase {
  id: string;
  name: string;
  state: PublishState;
  /** The file it was imported from (absent for external nodes). */
  file?: string;
  /** 1-based line in `file` where the object is defined, when the importer knows it (SARIF locations). */
  line?: number;
  /** Template placeholders (`{{name}}`, `${name}`) still in the name after substitution. */
  templateVariables?: string[];
}

export interface FlowNode extends NodeBase {
  kind: 'flow';
  type: FlowType;
  versions: FlowVersions;
  /** The version string a file declares (tutorial `version`), used by the version policy. */
  version?: string;
  /** The status string a file declares (tutorial `metadata.status`), used by the status policy. */
  declaredStatus?: string;
  division?: string;
  description?: string;
  lockedBy?: string;
  /** An id that is unique org-wide; absent when a file names flows only by name (YAML). */
  hasOrgId?: boolean;
  /**
   * Every file that defines this flow, when more than one does (a YAML file and its export, an
   * export and its decoded JSON); `file` is the one whose steps are shown.
   */
  files?: string[];
  /** Those files are not all encodings of one flow (two YAML files, two Architect ids): a `duplicate-flow` finding. */
  conflictingDefinitions?: boolean;
}

export interface ResourceNode extends NodeBase {
  kind: 'resource';
  type: ResourceType;
  /** The dependency-tracking type name when `type` is OTHER. */
  rawType?: string;
  /** Data actions are scoped by integration category. */
  category?: string;
  /** For UNKNOWN resources: the runtime expression that names them. */
  expression?: string;
}

export interface StepNode extends NodeBase {
  kind: 'step';
  /** The owning flow's node id; the step id is `${flowId}:${stepId}`. */
  flowId: string;
  stepId: string;
  /** menu, task, state, bot, or an action type (decision, callData, transferToAcd, ...). */
  type: string;
}

export type GraphNode = FlowNode | ResourceNode | StepNode;

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  /** For `uses`: the action that makes the reference (callCommonModule, transferToFlow, callData, ...). */
  via?: string;
  /** For `transition`: the condition / output path (yes, no, success, digit_1, ...). */
  label?: string;
  /** For `uses` resolved by name to more than one object: every candidate gets an edge, flagged. */
  ambiguous?: boolean;
}

export interface FlowGraph {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
}

export function stepNodeId(flowId: string, stepId: string): string {
  return `${flowId}:${stepId}`;
}

/** Looking a node up by id: a graph's `nodes`, or linking's view of nodes held as objects and as columns. */
export type NodeLookup = Pick<ReadonlyMap<string, GraphNode>, 'get' | 'has'>;
