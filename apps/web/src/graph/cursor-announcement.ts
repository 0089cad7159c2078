import type { ExportGraph } from '@flowgraph/core';
import { nodeIndex } from '../api/node-index.js';
import { type Move, type NavGraph, siblingsOf } from './keyboard-nav.js';

/**
 * What the live region says when the keyboard cursor moves: the node, what kind it is and how
 * many it uses and is used by ("Main IVR, inbound call flow, uses 21, used by 0"), then where it
 * sits in the list the arrows walk. A screen-reader user hears where they are and what is next.
 */

/** Singular names a listener understands; anything else is spelled from its type. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  BOT: 'bot flow',
  COMMONMODULE: 'common module',
  DIGITALBOT: 'digital bot flow',
  EMAILSEND: 'email send flow',
  INBOUNDCALL: 'inbound call flow',
  INBOUNDCHAT: 'inbound chat flow',
  INBOUNDEMAIL: 'inbound email flow',
  INBOUNDSHORTMESSAGE: 'inbound message flow',
  INQUEUECALL: 'in-queue call flow',
  INQUEUEEMAIL: 'in-queue email flow',
  INQUEUESHORTMESSAGE: 'in-queue message flow',
  OUTBOUNDCALL: 'outbound call flow',
  SECURECALL: 'secure call flow',
  SPEECH: 'speech flow',
  SURVEYINVITE: 'survey invite flow',
  VOICE: 'voice flow',
  VOICEMAIL: 'voicemail flow',
  VOICESURVEY: 'voice survey flow',
  WORKFLOW: 'workflow',
  WORKITEM: 'work item flow',
  DATAACTION: 'data action',
  DATATABLE: 'data table',
  QUEUE: 'queue',
  USERPROMPT: 'prompt',
  SYSTEMPROMPT: 'system prompt',
  SCHEDULE: 'schedule',
  SCHEDULEGROUP: 'schedule group',
  EMERGENCYGROUP: 'emergency group',
  INTEGRATION: 'integration',
  ACDSKILL: 'skill',
  ACDLANGUAGE: 'language skill',
  ACDWRAPUPCODE: 'wrap-up code',
  TTSENGINE: 'text-to-speech engine',
  TTSVOICE: 'text-to-speech voice',
  STTENGINE: 'speech-to-text engine',
  NLUDOMAIN: 'natural language domain',
  KNOWLEDGEBASE: 'knowledge base',
  CONTACTLIST: 'contact list',
  COMPOSERSCRIPT: 'script',
  DIALOGFLOWAGENT: 'Dialogflow agent',
  WORKTYPE: 'work type',
};

export function typeName(kind: string, type: string): string {
  const known = TYPE_NAMES[type];
  if (known) return known;
  if (type === 'UNKNOWN' || type === 'OTHER') return kind === 'flow' ? 'flow of unknown type' : 'resource';
  return `${type.toLowerCase()} ${kind === 'flow' ? 'flow' : 'resource'}`;
}

export interface DirectCounts {
  uses: number;
  usedBy: number;
}

const countsCache = new WeakMap<ExportGraph, ReadonlyMap<string, DirectCounts>>();

/** Per node, how many distinct nodes it uses and is used by directly, in the whole graph (filters do not change the answer); once per graph. */
export function directCounts(graph: ExportGraph): ReadonlyMap<string, DirectCounts> {
  let counts = countsCache.get(graph);
  if (!counts) {
    counts = countDirect(graph);
    countsCache.set(graph, counts);
  }
  return counts;
}

function countDirect(graph: ExportGraph): Map<string, DirectCounts> {
  const uses = new Map<string, Set<string>>();
  const usedBy = new Map<string, Set<string>>();
  const add = (lists: Map<string, Set<string>>, id: string, other: string) => {
    const set = lists.get(id);
    if (set) set.add(other);
    else lists.set(id, new Set([other]));
  };
  for (const edge of graph.edges) {
    if (edge.source === edge.target) continue;
    add(uses, edge.source, edge.target);
    add(usedBy, edge.target, edge.source);
  }
  return new Map(graph.nodes.map((node) => [node.id, { uses: uses.get(node.id)?.size ?? 0, usedBy: usedBy.get(node.id)?.size ?? 0 }]));
}

/** "Main IVR, inbound call flow, uses 21, used by 0". */
export function describeNode(graph: ExportGraph, id: string): string {
  const node = nodeIndex(graph).get(id);
  if (!node) return id;
  const count = directCounts(graph).get(id) ?? { uses: 0, usedBy: 0 };
  return `${node.name}, ${typeName(node.kind, node.type)}, uses ${count.uses}, used by ${count.usedBy}`;
}

/** The live region's text after a key: the node and its place, or why the cursor did not move. */
export function announce(graph: ExportGraph, nav: NavGraph, result: Move): string {
  const { cursor } = result;
  if (cursor === null) return 'Nothing is shown to move to';
  const name = (id: string) => nodeIndex(graph).get(id)?.name ?? id;
  const list = siblingsOf(nav, cursor);
  switch (result.blocked) {
    case 'no-callees':
      return `${name(cursor.node)} uses nothing shown`;
    case 'no-callers':
      return `Nothing shown uses ${name(cursor.node)}`;
    case 'first':
    case 'last':
      return `${name(cursor.node)} is the ${result.blocked} of ${list.length}`;
  }
  const place = `${list.indexOf(cursor.node) + 1} of ${list.length}`;
  const where =
    cursor.from === null
      ? list === nav.entries
        ? `entry ${place}`
        : `${place} in its column`
      : cursor.from.direction === 'callees'
        ? `${place} that ${name(cursor.from.node)} uses`
        : `${place} that use ${name(cursor.from.node)}`;
  return `${describeNode(graph, cursor.node)}; ${where}`;
}
