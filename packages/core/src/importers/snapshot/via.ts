import { flowTypeOfDependencyType } from '../../model/flow-types.js';

/**
 * Dependency tracking says only *what* a flow consumes, not *how*. Edges read better with the
 * Architect action that makes such a reference (the same verbs the YAML importers use), so
 * `INBOUNDCALLFLOW -> COMMONMODULEFLOW` shows as `callCommonModule`.
 */
const VIA_BY_DEPENDENCY_TYPE: Readonly<Record<string, string>> = {
  COMMONMODULEFLOW: 'callCommonModule',
  BOTFLOW: 'callBotFlow',
  DIGITALBOTFLOW: 'callDigitalBotFlow',
  INQUEUECALLFLOW: 'overrideInQueueFlow',
  INQUEUEEMAILFLOW: 'overrideInQueueFlow',
  INQUEUESHORTMESSAGEFLOW: 'overrideInQueueFlow',
  SECURECALLFLOW: 'transferToFlowSecure',
  DATAACTION: 'callData',
  DATATABLE: 'dataTableLookup',
  QUEUE: 'transferToAcd',
  USERPROMPT: 'playAudio',
  SYSTEMPROMPT: 'playAudio',
  SCHEDULE: 'evaluateSchedule',
  SCHEDULEGROUP: 'evaluateScheduleGroup',
  EMERGENCYGROUP: 'evaluateScheduleGroup',
  COMPOSERSCRIPT: 'setScreenPop',
  CONTACTLIST: 'settingsOutboundCall',
  ACDWRAPUPCODE: 'settingsOutboundCall',
  ACDSKILL: 'transferToAcd',
  ACDLANGUAGE: 'setLanguage',
  LANGUAGE: 'setLanguage',
  KNOWLEDGEBASE: 'settingsKnowledge',
  NLUDOMAIN: 'settingsNaturalLanguageUnderstanding',
  GRAMMAR: 'collectInput',
  USER: 'transferToUser',
  GROUP: 'transferToGroup',
  WORKTYPE: 'createWorkitem',
  TTSENGINE: 'settingsSpeechRec',
  TTSVOICE: 'settingsSpeechRec',
  STTENGINE: 'settingsSpeechRec',
  DIALOGFLOWAGENT: 'callDialogflowBot',
};

/** The verb for an edge to a consumed object of this dependency-tracking type. */
export function viaOfDependencyType(dependencyType: string): string {
  const upper = dependencyType.toUpperCase();
  const known = VIA_BY_DEPENDENCY_TYPE[upper];
  if (known !== undefined) return known;
  // Every other flow type is reached by a transfer (inbound call, chat, email, workflow, ...).
  if (flowTypeOfDependencyType(upper) !== undefined) return 'transferToFlow';
  return `uses${upper.charAt(0)}${upper.slice(1).toLowerCase()}`;
}
