import { type FlowType, flowTypeOfDependencyType, isFlowType } from '../../model/flow-types.js';
import type { FlowNode, PublishState } from '../../model/graph.js';
import type { TutorialFlow } from './schema.js';

// The tutorial never says which statuses exist; these are the ones its examples and users write.
const PUBLISHED_STATUSES = new Set(['published', 'deployed', 'active']);

/** `inboundcall`, `InboundCall`, `inbound_call`, `INBOUNDCALLFLOW` -> INBOUNDCALL; anything else undefined. */
export function flowTypeFromText(text: string): FlowType | undefined {
  const compact = text.replace(/[^a-z0-9]/gi, '').toUpperCase();
  if (compact !== 'UNKNOWN' && isFlowType(compact)) return compact;
  return flowTypeOfDependencyType(compact);
}

function stateFromStatus(status: string | undefined): PublishState {
  return status !== undefined && PUBLISHED_STATUSES.has(status.trim().toLowerCase()) ? 'published' : 'unpublished';
}

export function tutorialFlowNode(flow: TutorialFlow, file: string): FlowNode {
  const status = flow.metadata?.status;
  const node: FlowNode = {
    kind: 'flow',
    id: flow.id,
    name: flow.name ?? flow.id,
    type: flow.type === undefined ? 'UNKNOWN' : (flowTypeFromText(flow.type) ?? 'UNKNOWN'),
    state: stateFromStatus(status),
    versions: {},
    file,
    hasOrgId: true,
  };
  if (flow.version !== undefined) node.version = flow.version;
  if (status !== undefined) node.declaredStatus = status;
  return node;
}
