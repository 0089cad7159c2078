import type { FLOW_TYPE_TO_DEPENDENCY_TYPE } from '@flowgraph/core';

/** Families decide which common modules a flow may call (a module is compatible with one family). */
export type FlowFamily = 'voice' | 'digital' | 'workflow';

export interface FlowKind {
  /** Flow.type, upper case as `GET /api/v2/flows` returns it. */
  type: keyof typeof FLOW_TYPE_TO_DEPENDENCY_TYPE;
  /** Share of a generated org; realistic orgs are call-heavy with many modules and workflows. */
  weight: number;
  /** Corpus template types to build from, best first (types with no public export borrow a sibling's). */
  templateTypes: string[];
  /** Architect's container for steps in this flow type (`__type` of flowSequenceItemList items). */
  sequenceItemType: 'Task' | 'State' | 'BotState' | 'CommonModuleTask';
  family: FlowFamily;
  /** Short words used to build realistic names when the corpus runs out. */
  nameWords: string[];
}

export const FLOW_KINDS: readonly FlowKind[] = [
  {
    type: 'INBOUNDCALL',
    weight: 18,
    templateTypes: ['inboundcall'],
    sequenceItemType: 'Task',
    family: 'voice',
    nameWords: ['Main IVR', 'Support Line', 'Sales Line', 'Billing IVR'],
  },
  {
    type: 'INQUEUECALL',
    weight: 8,
    templateTypes: ['inqueuecall'],
    sequenceItemType: 'Task',
    family: 'voice',
    nameWords: ['In-Queue', 'Hold Experience', 'Callback Offer'],
  },
  {
    type: 'COMMONMODULE',
    weight: 16,
    templateTypes: ['commonmodule', 'workflow'],
    sequenceItemType: 'CommonModuleTask',
    family: 'voice',
    nameWords: ['Resolve Contact', 'Check Hours', 'Lookup Account', 'Set Language'],
  },
  {
    type: 'BOT',
    weight: 5,
    templateTypes: ['bot'],
    sequenceItemType: 'BotState',
    family: 'digital',
    nameWords: ['Intent Bot', 'Survey Bot', 'FAQ Bot'],
  },
  {
    type: 'DIGITALBOT',
    weight: 4,
    templateTypes: ['digitalbot'],
    sequenceItemType: 'BotState',
    family: 'digital',
    nameWords: ['Digital Assistant', 'Scheduling Bot'],
  },
  {
    type: 'WORKFLOW',
    weight: 16,
    templateTypes: ['workflow'],
    sequenceItemType: 'State',
    family: 'workflow',
    nameWords: ['Set Presence', 'Create Callback', 'Sync CRM', 'Notify Supervisor'],
  },
  {
    type: 'INBOUNDSHORTMESSAGE',
    weight: 8,
    templateTypes: ['inboundshortmessage'],
    sequenceItemType: 'State',
    family: 'digital',
    nameWords: ['Web Messaging', 'SMS Entry', 'WhatsApp Entry'],
  },
  {
    type: 'INBOUNDCHAT',
    weight: 3,
    templateTypes: ['inboundchat', 'inboundshortmessage'],
    sequenceItemType: 'State',
    family: 'digital',
    nameWords: ['Web Chat'],
  },
  {
    type: 'INBOUNDEMAIL',
    weight: 4,
    templateTypes: ['inboundemail', 'inboundshortmessage'],
    sequenceItemType: 'State',
    family: 'digital',
    nameWords: ['Email Routing', 'Support Mailbox'],
  },
  {
    type: 'INQUEUEEMAIL',
    weight: 2,
    templateTypes: ['inqueuecall'],
    sequenceItemType: 'State',
    family: 'digital',
    nameWords: ['Email In-Queue'],
  },
  {
    type: 'INQUEUESHORTMESSAGE',
    weight: 2,
    templateTypes: ['inqueuecall'],
    sequenceItemType: 'State',
    family: 'digital',
    nameWords: ['Message In-Queue'],
  },
  {
    type: 'OUTBOUNDCALL',
    weight: 4,
    templateTypes: ['outboundcall'],
    sequenceItemType: 'Task',
    family: 'voice',
    nameWords: ['Outbound Campaign', 'Virtual Hold'],
  },
  {
    type: 'SECURECALL',
    weight: 3,
    templateTypes: ['inboundcall'],
    sequenceItemType: 'Task',
    family: 'voice',
    nameWords: ['Secure Payment', 'PCI Capture'],
  },
  {
    type: 'SURVEYINVITE',
    weight: 2,
    templateTypes: ['surveyinvite', 'workflow'],
    sequenceItemType: 'State',
    family: 'workflow',
    nameWords: ['Post-Call Survey'],
  },
  {
    type: 'WORKITEM',
    weight: 3,
    templateTypes: ['workitem', 'workflow'],
    sequenceItemType: 'State',
    family: 'workflow',
    nameWords: ['Claim Workitem', 'Case Workitem'],
  },
  { type: 'VOICEMAIL', weight: 2, templateTypes: ['inboundcall'], sequenceItemType: 'Task', family: 'voice', nameWords: ['Voicemail'] },
];

const FLOW_KIND_BY_TYPE: ReadonlyMap<string, FlowKind> = new Map(FLOW_KINDS.map((kind) => [kind.type, kind]));

export function flowKind(type: string): FlowKind {
  const kind = FLOW_KIND_BY_TYPE.get(type);
  if (!kind) throw new RangeError(`simulator/flow-kinds: no flow kind for type ${type}`);
  return kind;
}

/**
 * Architect manifest key of a flow type: `commonModuleFlow`, `inboundCallFlow`, `inqueueCallFlow`
 * are seen in the corpus (archy-format.md §2b); the others follow the same pattern. WORKFLOW has
 * no "Flow" suffix, as in its dependency type.
 */
const MANIFEST_KEYS: Record<string, string> = {
  BOTFLOW: 'botFlow',
  COMMONMODULEFLOW: 'commonModuleFlow',
  DIGITALBOTFLOW: 'digitalBotFlow',
  INBOUNDCALLFLOW: 'inboundCallFlow',
  INBOUNDCHATFLOW: 'inboundChatFlow',
  INBOUNDEMAILFLOW: 'inboundEmailFlow',
  INBOUNDSHORTMESSAGEFLOW: 'inboundShortMessageFlow',
  INQUEUECALLFLOW: 'inqueueCallFlow',
  INQUEUEEMAILFLOW: 'inqueueEmailFlow',
  INQUEUESHORTMESSAGEFLOW: 'inqueueShortMessageFlow',
  OUTBOUNDCALLFLOW: 'outboundCallFlow',
  SECURECALLFLOW: 'secureCallFlow',
  SURVEYINVITEFLOW: 'surveyInviteFlow',
  VOICEMAILFLOW: 'voicemailFlow',
  WORKFLOW: 'workflow',
  WORKITEMFLOW: 'workitemFlow',
  DATAACTION: 'dataAction',
  DATATABLE: 'dataTable',
  QUEUE: 'queue',
  USERPROMPT: 'userPrompt',
  SYSTEMPROMPT: 'systemPrompt',
  SCHEDULE: 'schedule',
  SCHEDULEGROUP: 'scheduleGroup',
  EMERGENCYGROUP: 'emergencyGroup',
};

export function manifestKeyOf(dependencyType: string): string {
  const key = MANIFEST_KEYS[dependencyType];
  if (!key) throw new RangeError(`simulator/flow-kinds: no manifest key for ${dependencyType}`);
  return key;
}

/** The inverse, for readers that start from a configuration document. */
export const MANIFEST_KEY_TO_DEPENDENCY_TYPE: ReadonlyMap<string, string> = new Map(
  Object.entries(MANIFEST_KEYS).map(([type, key]) => [key, type]),
);
