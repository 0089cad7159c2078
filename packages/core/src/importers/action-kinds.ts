/**
 * What each Archy action does to control flow, by its Archy YAML key; the export importer maps
 * Architect `__type`s to the same keys (`viaOfActionType`), so both encodings follow one model.
 */

/** Actions after which execution does not fall through to the next action in the list. */
export const TERMINAL_ACTIONS: ReadonlySet<string> = new Set([
  'disconnect',
  'endWorkflow',
  'endTask',
  'endState',
  'exitBotFlow',
  'exitWorkitemFlow',
  'disconnectWorkitem',
  'loopExit',
  'loopNext',
  'menuDisconnect',
  'abortSurveyInvite',
  'completeSurveyInvite',
  'jumpToTask',
  'jumpToMenu',
  'changeState',
  'menuJumpToTask',
  'menuJumpToMenu',
  'jumpToReusableTask',
]);

/** Transfers end the flow when they succeed; only their failure path continues. */
export const TRANSFER_ACTIONS: ReadonlySet<string> = new Set([
  'transferToAcd',
  'menuTransferToAcd',
  'transferToFlow',
  'transferToFlowSecure',
  'transferToVoicemail',
  'transferToNumber',
  'transferToUser',
  'transferToGroup',
]);

/** Branching actions shown as steps even when their paths are empty. */
export const ALWAYS_STEP_ACTIONS: ReadonlySet<string> = new Set(['decision', 'switch', 'loop']);

/** Keys that point at another container of the same flow. */
export const TARGET_REF_KEYS = ['targetTaskRef', 'targetMenuRef', 'targetStateRef'] as const;

/**
 * The outputs an action always has, whether or not a file writes them out. An output a YAML file
 * leaves out falls through to the next action (a lookup's `failure` next to `found`/`notFound`);
 * exports list every output, empty or not.
 */
export const ACTION_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  decision: ['yes', 'no'],
  callData: ['success', 'failure', 'timeout'],
  dataTableLookup: ['found', 'notFound', 'failure'],
};
