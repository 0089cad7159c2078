import { type FlowType, isFlowType } from '../../model/flow-types.js';
import type { FlowNode, FlowVersions, PublishState } from '../../model/graph.js';
import type { GenesysFlow } from '../../genesys-api/schemas.js';

/** A Genesys `Flow` entity as a graph node; `knownType` is false when its type is new to us. */
export function snapshotFlowNode(flow: GenesysFlow, file: string): { node: FlowNode; knownType: boolean } {
  const upper = flow.type.toUpperCase();
  const knownType = upper !== 'UNKNOWN' && isFlowType(upper);
  const versions: FlowVersions = {};
  if (flow.publishedVersion) versions.published = flow.publishedVersion.id;
  if (flow.savedVersion) versions.saved = flow.savedVersion.id;
  if (flow.checkedInVersion) versions.checkedIn = flow.checkedInVersion.id;
  const node: FlowNode = {
    kind: 'flow',
    id: flow.id,
    name: flow.name,
    type: knownType ? (upper as FlowType) : 'UNKNOWN',
    state: stateOf(flow),
    versions,
    file,
    hasOrgId: true,
  };
  if (flow.division?.name !== undefined) node.division = flow.division.name;
  if (flow.description !== undefined && flow.description !== '') node.description = flow.description;
  const lockedBy = flow.lockedUser
    ? (flow.lockedUser.name ?? flow.lockedUser.id)
    : flow.lockedClient
      ? (flow.lockedClient.name ?? flow.lockedClient.id)
      : undefined;
  if (lockedBy !== undefined) node.lockedBy = lockedBy;
  return { node, knownType };
}

function stateOf(flow: GenesysFlow): PublishState {
  if (flow.deleted) return 'deleted';
  return flow.publishedVersion ? 'published' : 'unpublished';
}
