import type { GenesysFlow } from '@flowgraph/core';
import type { ConsumerEntry } from './consumer-index.js';

/** Shared (non-flow) objects flows consume, by their dependency-tracking type. */
export type ResourceType =
  | 'DATAACTION'
  | 'DATATABLE'
  | 'QUEUE'
  | 'USERPROMPT'
  | 'SYSTEMPROMPT'
  | 'SCHEDULE'
  | 'SCHEDULEGROUP'
  | 'EMERGENCYGROUP';

export interface SimulatedResource {
  id: string;
  name: string;
  type: ResourceType;
  selfUri: string;
  /** Deleted objects are still consumed by flows published before the deletion. */
  deleted: boolean;
  /** Data actions only: the integration (category) the action belongs to. */
  category?: string;
}

/**
 * How a reference appears inside a flow's configuration: which Architect action carries it.
 * Named after the Archy YAML action (../shared/docs/archy-format.md §4).
 */
export type ReferenceVia =
  | 'callData'
  | 'dataTableLookup'
  | 'transferToAcd'
  | 'playAudio'
  | 'evaluateScheduleGroup'
  | 'evaluateSchedule'
  | 'callCommonModule'
  | 'callBotFlow'
  | 'transferToFlow'
  | 'overrideInQueueFlow';

export interface SimulatedReference {
  targetId: string;
  /** Dependency-tracking type of the target, e.g. DATAACTION or COMMONMODULEFLOW. */
  targetType: string;
  via: ReferenceVia;
  /**
   * `template`: fills the next reference-bearing action of the corpus template, in document order;
   * `injected`: carried by an action the generator adds (how the org gets wired together).
   */
  placement: 'template' | 'injected';
}

export interface SimulatedVersion {
  /** "1.0", "2.0", ... as Genesys numbers flow versions. */
  id: string;
  /** What this version consumes; versions of one flow usually share one array. */
  references: readonly SimulatedReference[];
  dateCreated: number;
}

export interface SimulatedFlow {
  /** The `GET /api/v2/flows` entity, exactly as served. */
  entity: GenesysFlow & { type: string };
  /** Oldest first. The latest one is what `latestconfiguration` returns. */
  versions: SimulatedVersion[];
  /** Index into the corpus templates the configuration is built from. */
  templateIndex: number;
  /** Seeds the per-flow id remapping so configurations are stable across requests. */
  configurationSeed: number;
  /** Extra step-level structure planted in this flow's configuration. */
  menuLoop?: { menuIds: [string, string] };
}

export interface PlantedProblems {
  /** Inbound call flow A transfers to inbound call flow B, which transfers back to A. */
  cycle: [string, string];
  /** A published flow that calls a common module with no published version. */
  unpublishedModule: { callerId: string; moduleId: string };
  /** A data action that is deleted yet still consumed by a published flow. */
  deletedDataAction: { dataActionId: string; consumerId: string };
  lockedFlowId: string;
  /** savedVersion is newer than publishedVersion, and the saved version consumes more. */
  unpublishedChangesFlowId: string;
  /** Two menus whose only choices jump to each other. */
  menuLoop: { flowId: string; menuIds: [string, string] };
  /** Flows marked deleted (listed only with `deleted=true`). */
  deletedFlowIds: string[];
}

/** A division of the org (`AuthzDivision`); every flow belongs to one. */
export interface SimulatedDivision {
  id: string;
  name: string;
  selfUri: string;
}

export interface SimulatedOrg {
  seed: number;
  /** The org's divisions; a signed-in person sees only the flows of the ones their roles grant. */
  divisions: readonly SimulatedDivision[];
  flows: SimulatedFlow[];
  flowsById: ReadonlyMap<string, SimulatedFlow>;
  resources: SimulatedResource[];
  resourcesById: ReadonlyMap<string, SimulatedResource>;
  /** Reverse index for `consumingresources`: target id -> consuming flow versions. */
  consumers: ReadonlyMap<string, readonly ConsumerEntry[]>;
  planted: PlantedProblems;
}
