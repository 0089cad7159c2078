import type { FlowType } from '../../model/flow-types.js';

/**
 * The top-level key of an Archy YAML file names the flow type. Compared case-sensitively, as
 * Archy does: it is `inqueueCall` with a lower-case q, `botFlow` and `digitalBot`.
 */
export const ARCHY_FLOW_TYPE_KEYS: Readonly<Record<string, FlowType>> = {
  inboundCall: 'INBOUNDCALL',
  inqueueCall: 'INQUEUECALL',
  inboundShortMessage: 'INBOUNDSHORTMESSAGE',
  inboundEmail: 'INBOUNDEMAIL',
  inboundChat: 'INBOUNDCHAT',
  outboundCall: 'OUTBOUNDCALL',
  secureCall: 'SECURECALL',
  workflow: 'WORKFLOW',
  commonModule: 'COMMONMODULE',
  botFlow: 'BOT',
  digitalBot: 'DIGITALBOT',
  surveyInvite: 'SURVEYINVITE',
  workitem: 'WORKITEM',
  inqueueEmail: 'INQUEUEEMAIL',
  inqueueShortMessage: 'INQUEUESHORTMESSAGE',
  voicemail: 'VOICEMAIL',
  voice: 'VOICE',
  voiceSurvey: 'VOICESURVEY',
};

export function flowTypeOfKey(key: string): FlowType | undefined {
  return Object.hasOwn(ARCHY_FLOW_TYPE_KEYS, key) ? ARCHY_FLOW_TYPE_KEYS[key] : undefined;
}

/** Keys people write that Archy rejects, with the key they most likely meant. */
const MISSPELLINGS: Readonly<Record<string, string>> = {
  inboundMessage: 'inboundShortMessage',
  bot: 'botFlow',
  digitalBotFlow: 'digitalBot',
};

export function suggestFlowTypeKey(key: string): string | undefined {
  if (Object.hasOwn(MISSPELLINGS, key)) return MISSPELLINGS[key];
  const lower = key.toLowerCase();
  return Object.keys(ARCHY_FLOW_TYPE_KEYS).find((known) => known.toLowerCase() === lower);
}
