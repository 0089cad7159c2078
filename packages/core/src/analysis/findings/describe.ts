import type { NodeLookup, GraphNode } from '../../model/graph.js';
import type { ResourceType } from '../../model/resource-types.js';

const RESOURCE_LABELS: Partial<Record<ResourceType, string>> = {
  DATAACTION: 'data action',
  DATATABLE: 'data table',
  USERPROMPT: 'prompt',
  SYSTEMPROMPT: 'system prompt',
  SCHEDULEGROUP: 'schedule group',
  EMERGENCYGROUP: 'emergency group',
  ACDSKILL: 'skill',
  ACDLANGUAGE: 'language skill',
  ACDWRAPUPCODE: 'wrap-up code',
  CONTACTLIST: 'contact list',
  COMPOSERSCRIPT: 'script',
  KNOWLEDGEBASE: 'knowledge base',
  NLUDOMAIN: 'NLU domain',
  WORKTYPE: 'work type',
  DIALOGFLOWAGENT: 'Dialogflow agent',
  TTSENGINE: 'TTS engine',
  TTSVOICE: 'TTS voice',
  STTENGINE: 'STT engine',
  UNKNOWN: 'run-time reference',
};

/** How a message names a node for people: `flow "Main IVR"`, `data table "Holidays"`, `step "Menu" in flow "Main IVR"`. */
export function describeNode(nodes: NodeLookup, id: string): string {
  const node = nodes.get(id);
  if (node === undefined) return `"${id}"`;
  return describe(nodes, node);
}

function describe(nodes: NodeLookup, node: GraphNode): string {
  const name = `"${node.name || node.id}"`;
  switch (node.kind) {
    case 'flow':
      // A templated name is shared by many files until it is filled: the file says which flow.
      return node.templateVariables?.length && node.file !== undefined ? `flow ${name} (${node.file})` : `flow ${name}`;
    case 'resource': {
      const label = node.type === 'OTHER' ? (node.rawType ?? 'resource') : (RESOURCE_LABELS[node.type] ?? node.type.toLowerCase());
      return `${label} ${name}`;
    }
    case 'step': {
      const flow = nodes.get(node.flowId);
      return `step ${name} in ${flow === undefined ? `flow "${node.flowId}"` : describe(nodes, flow)}`;
    }
  }
}

/** Just the quoted name, for paths: `"Main IVR"`. */
export function nameOf(nodes: NodeLookup, id: string): string {
  const node = nodes.get(id);
  return `"${node?.name || id}"`;
}

/** A readable list that stays short: `a, b, c and 4 more`. */
export function listOf(items: readonly string[], limit = 3): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
