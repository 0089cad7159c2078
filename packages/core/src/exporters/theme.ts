import { ENTRY_FLOW_TYPES, type FlowType } from '../model/flow-types.js';
import type { PublishState } from '../model/graph.js';

/**
 * The look of every drawn export, as data: DOT and Mermaid both read it, so a flow type has
 * one colour everywhere. Colours are light fills with dark text, legible when printed.
 */
export interface NodeLook {
  shape: 'box' | 'ellipse' | 'hexagon' | 'note';
  fill: string;
  border: string;
}

export const THEME = {
  fontName: 'Helvetica',
  flowByType: {
    entry: { shape: 'box', fill: '#cfe2ff', border: '#1f4e79' },
    COMMONMODULE: { shape: 'box', fill: '#d9ead3', border: '#38761d' },
    INQUEUE: { shape: 'box', fill: '#fce5cd', border: '#b45f06' },
    BOT: { shape: 'box', fill: '#e6d9f2', border: '#674ea7' },
    WORKFLOW: { shape: 'box', fill: '#d0e0e3', border: '#134f5c' },
    other: { shape: 'box', fill: '#eeeeee', border: '#555555' },
  } satisfies Record<string, NodeLook>,
  resource: { shape: 'ellipse', fill: '#fff2cc', border: '#bf9000' } satisfies NodeLook,
  dynamicResource: { shape: 'hexagon', fill: '#ffffff', border: '#999999' } satisfies NodeLook,
  step: { shape: 'box', fill: '#ffffff', border: '#888888' } satisfies NodeLook,
  /** States that need attention override the border and the line style. */
  state: {
    missing: { border: '#cc0000', dashed: true },
    deleted: { border: '#cc0000', dashed: true },
    unpublished: { border: '#e69138', dashed: false },
  } satisfies Partial<Record<PublishState, { border: string; dashed: boolean }>>,
  edge: {
    transition: '#555555',
    uses: '#1f4e79',
    contains: '#aaaaaa',
    cycle: '#cc0000',
  },
  cluster: { fill: '#f7f7f7', border: '#cccccc' },
} as const;

export type FlowLookKey = keyof typeof THEME.flowByType;

export function flowLookKey(type: FlowType): FlowLookKey {
  if (ENTRY_FLOW_TYPES.has(type)) return 'entry';
  if (type === 'COMMONMODULE') return 'COMMONMODULE';
  if (type.startsWith('INQUEUE')) return 'INQUEUE';
  if (type === 'BOT' || type === 'DIGITALBOT' || type === 'SPEECH') return 'BOT';
  if (type === 'WORKFLOW') return 'WORKFLOW';
  return 'other';
}

/** What a cluster of one kind and type is called in a drawn scope: `Common modules`, `Queues`. */
const TYPE_TITLES: Readonly<Record<string, string>> = {
  'flow BOT': 'Bot flows',
  'flow COMMONMODULE': 'Common modules',
  'flow DIGITALBOT': 'Digital bot flows',
  'flow EMAILSEND': 'Email send flows',
  'flow INBOUNDCALL': 'Inbound call flows',
  'flow INBOUNDCHAT': 'Inbound chat flows',
  'flow INBOUNDEMAIL': 'Inbound email flows',
  'flow INBOUNDSHORTMESSAGE': 'Inbound message flows',
  'flow INQUEUECALL': 'In-queue call flows',
  'flow INQUEUEEMAIL': 'In-queue email flows',
  'flow INQUEUESHORTMESSAGE': 'In-queue message flows',
  'flow OUTBOUNDCALL': 'Outbound call flows',
  'flow SECURECALL': 'Secure call flows',
  'flow SURVEYINVITE': 'Survey invite flows',
  'flow VOICEMAIL': 'Voicemail flows',
  'flow WORKFLOW': 'Workflows',
  'flow WORKITEM': 'Work item flows',
  'flow UNKNOWN': 'Flows of unknown type',
  'resource DATAACTION': 'Data actions',
  'resource DATATABLE': 'Data tables',
  'resource QUEUE': 'Queues',
  'resource USERPROMPT': 'Prompts',
  'resource SYSTEMPROMPT': 'System prompts',
  'resource SCHEDULE': 'Schedules',
  'resource SCHEDULEGROUP': 'Schedule groups',
  'resource ACDSKILL': 'Skills',
  'resource ACDLANGUAGE': 'Languages (ACD)',
  'resource ACDWRAPUPCODE': 'Wrap-up codes',
  'resource UNKNOWN': 'Named at run time',
};

export function clusterLabel(kind: string, type: string): string {
  return TYPE_TITLES[`${kind} ${type}`] ?? `${type} ${kind === 'flow' ? 'flows' : 'resources'}`;
}
