/**
 * Genesys flow types as `GET /api/v2/flows` spells them (upper case), and their
 * dependency-tracking object types (Terraform provider `SetFlowTypeObjectMaps`).
 */
export const FLOW_TYPES = [
  'BOT',
  'COMMONMODULE',
  'DIGITALBOT',
  'EMAILSEND',
  'INBOUNDCALL',
  'INBOUNDCHAT',
  'INBOUNDEMAIL',
  'INBOUNDSHORTMESSAGE',
  'INQUEUECALL',
  'INQUEUEEMAIL',
  'INQUEUESHORTMESSAGE',
  'OUTBOUNDCALL',
  'SECURECALL',
  'SPEECH',
  'SURVEYINVITE',
  'VOICE',
  'VOICEMAIL',
  'VOICESURVEY',
  'WORKFLOW',
  'WORKITEM',
  // A flow known only from a file that does not say its type (the tutorial shape) or a transfer target.
  'UNKNOWN',
] as const;
export type FlowType = (typeof FLOW_TYPES)[number];

/** Flow.type -> dependency-tracking object type. */
export const FLOW_TYPE_TO_DEPENDENCY_TYPE: Readonly<Record<Exclude<FlowType, 'UNKNOWN'>, string>> = {
  BOT: 'BOTFLOW',
  COMMONMODULE: 'COMMONMODULEFLOW',
  DIGITALBOT: 'DIGITALBOTFLOW',
  EMAILSEND: 'EMAILSENDFLOW',
  INBOUNDCALL: 'INBOUNDCALLFLOW',
  INBOUNDCHAT: 'INBOUNDCHATFLOW',
  INBOUNDEMAIL: 'INBOUNDEMAILFLOW',
  INBOUNDSHORTMESSAGE: 'INBOUNDSHORTMESSAGEFLOW',
  INQUEUECALL: 'INQUEUECALLFLOW',
  INQUEUEEMAIL: 'INQUEUEEMAILFLOW',
  INQUEUESHORTMESSAGE: 'INQUEUESHORTMESSAGEFLOW',
  OUTBOUNDCALL: 'OUTBOUNDCALLFLOW',
  SECURECALL: 'SECURECALLFLOW',
  SPEECH: 'SPEECHFLOW',
  SURVEYINVITE: 'SURVEYINVITEFLOW',
  VOICE: 'VOICEFLOW',
  VOICEMAIL: 'VOICEMAILFLOW',
  VOICESURVEY: 'VOICESURVEYFLOW',
  WORKFLOW: 'WORKFLOW',
  WORKITEM: 'WORKITEMFLOW',
};

const DEPENDENCY_TYPE_TO_FLOW_TYPE: ReadonlyMap<string, FlowType> = new Map(
  Object.entries(FLOW_TYPE_TO_DEPENDENCY_TYPE).map(([flowType, dependencyType]) => [dependencyType, flowType as FlowType]),
);

/** The flow type of a dependency-tracking object type, or undefined when it is not a flow. */
export function flowTypeOfDependencyType(dependencyType: string): FlowType | undefined {
  return DEPENDENCY_TYPE_TO_FLOW_TYPE.get(dependencyType.toUpperCase());
}

export function isFlowType(value: string): value is FlowType {
  return (FLOW_TYPES as readonly string[]).includes(value);
}

/** Flows where an interaction enters the org: impact lists which of them reach a node. */
export const ENTRY_FLOW_TYPES: ReadonlySet<FlowType> = new Set<FlowType>([
  'INBOUNDCALL',
  'INBOUNDCHAT',
  'INBOUNDEMAIL',
  'INBOUNDSHORTMESSAGE',
  'OUTBOUNDCALL',
  'SECURECALL',
  'SURVEYINVITE',
  'WORKITEM',
]);
