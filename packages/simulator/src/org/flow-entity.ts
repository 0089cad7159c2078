import type { GenesysFlow, GenesysFlowVersion } from '@flowgraph/core';
import type { Random } from '../random.js';
import type { FlowDraft } from './draft.js';
import { FLOW_KINDS, type FlowFamily } from './flow-kinds.js';
import type { SimulatedVersion } from './types.js';

/** Users and divisions a generated org refers to (ids from the org's seeded sequence). */
export interface OrgDirectory {
  divisions: Array<{ id: string; name: string; selfUri: string }>;
  users: Array<{ id: string; name: string; selfUri: string; version: number }>;
}

const DIVISION_NAMES = ['Home', 'Customer Service', 'Sales', 'Back Office'];
const USER_NAMES = ['Alex Morgan', 'Priya Shah', 'Jonas Becker', 'Maria Lopez', 'Kenji Watanabe'];

export function createDirectory(random: Random): OrgDirectory {
  return {
    divisions: DIVISION_NAMES.map((name) => {
      const id = random.uuid();
      return { id, name, selfUri: `/api/v2/authorization/divisions/${id}` };
    }),
    users: USER_NAMES.map((name) => {
      const id = random.uuid();
      return { id, name, selfUri: `/api/v2/users/${id}`, version: 1 };
    }),
  };
}

/** Flow types a common module of each family may be embedded in (`Flow.compatibleFlowTypes`). */
const COMPATIBLE_TYPES: Record<FlowFamily, string[]> = {
  voice: FLOW_KINDS.filter((kind) => kind.family === 'voice' && kind.type !== 'COMMONMODULE').map((kind) => kind.type),
  digital: FLOW_KINDS.filter((kind) => kind.family === 'digital').map((kind) => kind.type),
  workflow: ['WORKFLOW', 'WORKITEM', 'SURVEYINVITE'],
};

export interface VersionState {
  versions: SimulatedVersion[];
  /** Undefined when the flow was never published. */
  publishedId: string | undefined;
}

function flowVersion(
  flow: FlowDraft,
  version: SimulatedVersion,
  type: 'PUBLISH' | 'CHECKIN' | 'SAVE',
  createdBy: OrgDirectory['users'][number],
): GenesysFlowVersion {
  const base = `/api/v2/flows/${flow.id}/versions/${version.id}`;
  return {
    id: version.id,
    name: flow.name,
    commitVersion: version.id,
    configurationVersion: version.id,
    type,
    secure: flow.type === 'SECURECALL',
    debug: false,
    createdBy: { id: createdBy.id, name: createdBy.name, selfUri: createdBy.selfUri, version: createdBy.version },
    configurationUri: `${base}/configuration`,
    dateCreated: version.dateCreated,
    selfUri: base,
  };
}

export function buildFlowEntity(
  flow: FlowDraft,
  state: VersionState,
  directory: OrgDirectory,
  random: Random,
  options: { locked: boolean; description: string | undefined },
): GenesysFlow & { type: string } {
  const latest = state.versions.at(-1);
  if (!latest) throw new RangeError(`simulator/flow-entity: flow ${flow.id} has no versions`);
  const author = random.pick(directory.users);
  const published = state.versions.find((version) => version.id === state.publishedId);
  return {
    id: flow.id,
    name: flow.name,
    ...(options.description === undefined ? {} : { description: options.description }),
    division: random.pick(directory.divisions),
    type: flow.type,
    ...(options.locked ? { lockedUser: random.pick(directory.users) } : {}),
    active: true,
    system: false,
    deleted: flow.deleted,
    ...(published
      ? {
          publishedVersion: flowVersion(flow, published, 'PUBLISH', author),
          checkedInVersion: flowVersion(flow, published, 'CHECKIN', author),
        }
      : {}),
    savedVersion: flowVersion(flow, latest, 'SAVE', author),
    ...(flow.type === 'COMMONMODULE' ? { compatibleFlowTypes: COMPATIBLE_TYPES[flow.family] } : {}),
    selfUri: `/api/v2/flows/${flow.id}`,
  };
}
