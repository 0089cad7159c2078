import { empty, literal, promptAudio } from './expressions.js';

/** A reference with the target's current name, ready to be written into an action. */
export interface ResolvedTarget {
  id: string;
  name: string;
  type: string;
  /** Flows only: the version a caller would pin ("3.0"). */
  version?: string;
  /** Flows only: whether the target has a published version. */
  published?: boolean;
  /** Data actions only. */
  category?: string;
}

export type Action = Record<string, unknown> & { __type: string; id: string; name: string };

interface Path {
  label: string;
  outputId: string;
  nextActionId?: string;
}

function paths(next: string | undefined, ...outputs: Array<[string, string]>): Path[] {
  return outputs.map(([label, outputId]) => ({ ...(next ? { nextActionId: next } : {}), label, outputId }));
}

/**
 * Rewrites a corpus template action so it references `target` instead of the corpus object. Only
 * the reference fields change; the action keeps its id, name, links and settings.
 */
export function retarget(action: Action, target: ResolvedTarget): void {
  switch (action.__type) {
    case 'DataAction':
      action.actionId = target.id;
      action.actionName = target.name;
      action.category = { id: target.category ?? target.name, name: target.category ?? target.name };
      return;
    case 'DataTableLookupAction':
      action.datatableId = target.id;
      action.datatableName = target.name;
      return;
    case 'TransferPureMatchAction':
      action.queues = [literal(target.name, 'que', target.id)];
      return;
    default:
      // CallCommonModuleAction, CallBotFlowAction, TransferFlowAction all name the flow this way.
      action.flowId = target.id;
      action.flowName = target.name;
      if (action.__type === 'CallCommonModuleAction') action.flowVersion = target.version;
  }
}

/** Actions the generator injects, in the shapes of the corpus exports (archy-format.md §2b). */
export const injectedAction = {
  callData: (id: string, next: string | undefined, target: ResolvedTarget): Action => ({
    actionName: target.name,
    actionId: target.id,
    category: { id: target.category ?? '', name: target.category ?? '' },
    useSuggestedTimeout: true,
    id,
    name: 'Call Data Action',
    __type: 'DataAction',
    processingPrompt: empty('pmt'),
    inputs: [],
    outputs: [],
    timeout: literal('P0D0H1M0S0F', 'dur'),
    paths: paths(next, ['Success', '__SUCCESS__'], ['Failure', '__FAILURE__'], ['Timeout', '__TIMEOUT__']),
  }),
  dataTableLookup: (id: string, next: string | undefined, target: ResolvedTarget): Action => ({
    datatableId: target.id,
    datatableName: target.name,
    id,
    name: 'Data Table Lookup',
    __type: 'DataTableLookupAction',
    lookupKeyValue: literal('Call.Ani', 'str'),
    outputs: [],
    paths: paths(next, ['Found', '__FOUND__'], ['Not Found', '__NOT_FOUND__'], ['Failure', '__FAILURE__']),
  }),
  /**
   * Transfer to ACD. The in-queue flow override (`overrideInQueueFlow` in Archy YAML) is written as
   * `inQueueFlow: {id, name}`; no public export shows the field, so its spelling is inferred.
   */
  transferToAcd: (id: string, next: string | undefined, queue: ResolvedTarget | undefined, inQueueFlow?: ResolvedTarget): Action => ({
    useDefaultHandling: true,
    id,
    name: queue ? `Transfer to ${queue.name}` : 'Transfer to ACD',
    __type: 'TransferPureMatchAction',
    priority: literal('0', 'int'),
    queues: [
      queue
        ? literal(queue.name, 'que', queue.id)
        : { config: { ref: { pos: 1, text: 'Flow.TargetQueue', type: 'que' } }, text: 'Flow.TargetQueue', type: 'que', version: 2 },
    ],
    skills: [],
    ...(inQueueFlow ? { inQueueFlow: { id: inQueueFlow.id, name: inQueueFlow.name } } : {}),
    paths: paths(next, ['Failure', '__FAILURE__']),
  }),
  playAudio: (id: string, next: string | undefined, prompt: ResolvedTarget): Action => ({
    ...(next ? { nextAction: next } : {}),
    id,
    name: 'Play Audio',
    __type: 'PlayAudioAction',
    prompts: {
      bargeInExpression: literal('true', 'bln'),
      flushExpression: literal('false', 'bln'),
      defaultAudio: promptAudio(prompt.name, prompt.id, prompt.type === 'SYSTEMPROMPT'),
      cases: [],
    },
  }),
  /** `__type` inferred from the Architect Scripting class ArchActionEvaluateScheduleGroup. */
  evaluateScheduleGroup: (id: string, next: string | undefined, group?: ResolvedTarget, emergency?: ResolvedTarget): Action => ({
    id,
    name: 'Evaluate Schedule Group',
    __type: 'EvaluateScheduleGroupAction',
    scheduleGroup: group ? literal(group.name, 'scg', group.id) : empty('scg'),
    emergencyGroup: emergency ? literal(emergency.name, 'emg', emergency.id) : empty('emg'),
    paths: paths(next, ['Open', '__OPEN__'], ['Closed', '__CLOSED__'], ['Holiday', '__HOLIDAY__'], ['Emergency', '__EMERGENCY__']),
  }),
  evaluateSchedule: (id: string, next: string | undefined, schedule: ResolvedTarget): Action => ({
    id,
    name: 'Evaluate Schedule',
    __type: 'EvaluateScheduleAction',
    schedule: literal(schedule.name, 'sch', schedule.id),
    paths: paths(next, ['Active', '__ACTIVE__'], ['Inactive', '__INACTIVE__']),
  }),
  callCommonModule: (id: string, next: string | undefined, module: ResolvedTarget): Action => ({
    flowId: module.id,
    flowName: module.name,
    flowVersion: module.version,
    flowLatestVersion: true,
    flowDebugPublished: false,
    ...(next ? { nextAction: next } : {}),
    id,
    name: 'Call Common Module',
    flowOutOfService: false,
    __type: 'CallCommonModuleAction',
    inputs: [],
    outputs: [],
    paths: [],
  }),
  /** Bot flows as in the corpus; digital bots get `CallDigitalBotFlowAction` (inferred by analogy). */
  callBotFlow: (id: string, next: string | undefined, bot: ResolvedTarget): Action => ({
    flowId: bot.id,
    flowName: bot.name,
    flowLatestVersion: true,
    flowDebugPublished: false,
    ...(next ? { nextAction: next } : {}),
    id,
    name: bot.type === 'DIGITALBOTFLOW' ? 'Call Digital Bot Flow' : 'Call Bot Flow',
    flowOutOfService: false,
    __type: bot.type === 'DIGITALBOTFLOW' ? 'CallDigitalBotFlowAction' : 'CallBotFlowAction',
    inputs: [],
    outputs: [],
    paths: [],
  }),
  transferToFlow: (id: string, next: string | undefined, flow: ResolvedTarget): Action => ({
    flowId: flow.id,
    flowName: flow.name,
    id,
    name: 'Transfer to Flow',
    __type: 'TransferFlowAction',
    paths: paths(next, ['Failure', '__FAILURE__']),
  }),
};

/** How a sequence item hands control to another one, by the target item's `__type`. */
export function jumpTo(id: string, target: { __type: string; id: string; name: string }): Action {
  if (target.__type === 'Menu')
    return { menuReference: target.id, menuName: target.name, id, name: `Jump to ${target.name}`, __type: 'TransferMenuAction' };
  if (target.__type.endsWith('State'))
    return { stateReference: target.id, stateName: target.name, id, name: 'Change State', __type: 'ChangeStateAction' };
  return { taskReference: target.id, taskName: target.name, id, name: `Jump to ${target.name}`, __type: 'TransferTaskAction' };
}
