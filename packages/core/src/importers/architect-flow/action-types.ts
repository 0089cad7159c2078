/**
 * Export `__type` → the Archy YAML action key, so a reference's `via` reads the same whichever
 * format it came from. Unlisted types become their `__type` without `Action`, lower-camel-cased.
 */
const VIA_BY_TYPE: Readonly<Record<string, string>> = {
  DataAction: 'callData',
  DataTableLookupAction: 'dataTableLookup',
  CallCommonModuleAction: 'callCommonModule',
  CallBotFlowAction: 'callBotFlow',
  CallDigitalBotFlowAction: 'callDigitalBotFlow',
  TransferPureMatchAction: 'transferToAcd',
  TransferFlowAction: 'transferToFlow',
  TransferFlowSecureAction: 'transferToFlowSecure',
  TransferMenuAction: 'jumpToMenu',
  TransferTaskAction: 'jumpToTask',
  CallTaskAction: 'callTask',
  ChangeStateAction: 'changeState',
  UpdateVariableAction: 'updateData',
  ScreenPopAction: 'setScreenPop',
  PlayAudioAction: 'playAudio',
  TaskAction: 'menuTask',
  NextLoopAction: 'loopNext',
  ExitLoopAction: 'loopExit',
};

export function viaOfActionType(type: string): string {
  if (Object.hasOwn(VIA_BY_TYPE, type)) return VIA_BY_TYPE[type]!;
  const bare = type.replace(/Action$/, '');
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

/** Branching actions shown as steps even when no path leads anywhere yet. */
export const ALWAYS_STEP_TYPES: ReadonlySet<string> = new Set(['DecisionAction', 'SwitchAction', 'LoopAction']);

/** `__YES__` → `yes`, `__NOT_FOUND__` → `notFound`: the YAML path names; other ids keep their label. */
export function pathLabel(outputId: string | undefined, label: string | undefined): string | undefined {
  const standard = outputId !== undefined ? /^__([A-Z_]+)__$/.exec(outputId)?.[1] : undefined;
  if (standard === undefined) return label ?? outputId;
  return standard.toLowerCase().replace(/_([a-z])/g, (_all, char: string) => char.toUpperCase());
}
