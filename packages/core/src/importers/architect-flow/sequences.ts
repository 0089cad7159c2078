import { TERMINAL_ACTIONS, TRANSFER_ACTIONS } from '../action-kinds.js';
import type { UnitBuilder } from '../unit-builder.js';
import { ALWAYS_STEP_TYPES, pathLabel, viaOfActionType } from './action-types.js';
import { type ArchitectAction, ActionSchema, type ArchitectFlow, MenuChoiceSchema, SequenceSchema } from './schema.js';

/** A step made from a sequence or action: its node id and the action key it stands for. */
export interface ShownStep {
  step: string;
  via: string;
}

/** An action or sequence and where control goes from it, by id. */
interface RawNode {
  /** Its step node id when it is shown as a step. */
  step?: string;
  via: string;
  out: Array<{ to: string; label?: string; field: string }>;
}

/**
 * `flowSequenceItemList` → steps and labelled transitions. Sequences (Task, Menu, State,
 * LoopTask, BotState, …) are steps; so are branching actions, actions that call another flow and
 * actions the manifest names as using something. Control is stored by id (`startAction`,
 * `nextAction`, `paths[].nextActionId`, `taskReference`, menu choices); plain actions in between
 * are folded into the transition that passes them, as the YAML importer does.
 * Returns the step of every sequence and shown action, by Architect id.
 */
export function importSequences(
  flow: ArchitectFlow,
  flowId: string,
  builder: UnitBuilder,
  usingActionIds: ReadonlySet<string>,
): Map<string, ShownStep> {
  const nodes = new Map<string, RawNode>();
  const register = (id: string, node: RawNode, field: string) => {
    if (nodes.has(id)) builder.issue('warning', field, `id ${id} is used twice; the first one is kept`);
    else nodes.set(id, node);
  };
  const actions: Array<{ action: ArchitectAction; node: RawNode; field: string }> = [];
  const addAction = (raw: unknown, field: string): ArchitectAction | undefined => {
    if (!builder.visit(field)) return undefined;
    const parsed = ActionSchema.safeParse(raw);
    if (!parsed.success) {
      builder.issue('warning', field, `not an Architect action (${parsed.error.issues[0]?.message ?? 'invalid'}); skipped`);
      return undefined;
    }
    const action = parsed.data;
    const shown =
      ALWAYS_STEP_TYPES.has(action.__type) || action.flowId !== undefined || usingActionIds.has(action.id) || hasBranches(action);
    const via = viaOfActionType(action.__type);
    const node: RawNode = { out: [], via };
    if (shown) node.step = builder.addStep(flowId, action.id, action.name ?? action.__type, via);
    register(action.id, node, field);
    actions.push({ action, node, field });
    return action;
  };

  flow.flowSequenceItemList.forEach((raw, index) => {
    const field = `flowSequenceItemList[${index}]`;
    if (!builder.visit(field)) return;
    const parsed = SequenceSchema.safeParse(raw);
    if (!parsed.success) {
      builder.issue('error', field, `not an Architect task, menu or state (${parsed.error.issues[0]?.message ?? 'invalid'}); skipped`);
      return;
    }
    const sequence = parsed.data;
    const type = sequence.__type.charAt(0).toLowerCase() + sequence.__type.slice(1);
    const node: RawNode = { step: builder.addStep(flowId, sequence.id, sequence.name ?? sequence.id, type), via: type, out: [] };
    if (sequence.startAction) node.out.push({ to: sequence.startAction, field: `${field}.startAction` });
    register(sequence.id, node, field);
    (sequence.actionList ?? []).forEach((action, j) => {
      addAction(action, `${field}.actionList[${j}]`);
    });
    (sequence.menuChoiceList ?? []).forEach((rawChoice, k) => {
      const choiceField = `${field}.menuChoiceList[${k}]`;
      const choice = MenuChoiceSchema.safeParse(rawChoice);
      const action = choice.success ? addAction(choice.data.action, `${choiceField}.action`) : undefined;
      if (!choice.success || !action) return;
      const digit = choice.data.digit;
      const label = digit !== undefined && digit !== null && digit !== '' ? `digit_${digit}` : (choice.data.name ?? action.name);
      node.out.push({ to: action.id, field: choiceField, ...(label === undefined ? {} : { label }) });
    });
  });

  const continuations = continuationsOf(actions.map((entry) => entry.action));
  for (const { action, node, field } of actions) node.out = actionExits(action, field, continuations.get(action.id));
  connectSteps(nodes, builder);
  const steps = new Map<string, ShownStep>();
  for (const [id, node] of nodes) if (node.step) steps.set(id, { step: node.step, via: node.via });
  return steps;
}

function hasBranches(action: ArchitectAction): boolean {
  return (action.paths ?? []).some((path) => path.nextActionId !== undefined) || action.path?.nextActionId !== undefined;
}

/**
 * Where control goes when an action is done and names no `nextAction`: an action sequence nested
 * in a path (a decision's Yes, a data action's Success) that runs out continues at the enclosing
 * action's `nextAction`, or further out, as in Architect. The end of a loop body loops back (no
 * edge: the loop step goes on), and a sequence that runs out at the top of a task ends it.
 */
function continuationsOf(actions: readonly ArchitectAction[]): Map<string, string> {
  const byId = new Map(actions.map((action) => [action.id, action]));
  const parent = new Map<string, ArchitectAction>();
  for (const action of actions) {
    for (const start of pathStarts(action)) {
      const seen = new Set<string>();
      for (let id: string | undefined = start; id !== undefined && !seen.has(id) && !parent.has(id); id = byId.get(id)?.nextAction) {
        seen.add(id);
        if (id !== action.id) parent.set(id, action);
      }
    }
  }
  const continuations = new Map<string, string>();
  for (const action of actions) {
    if (action.nextAction || TERMINAL_ACTIONS.has(viaOfActionType(action.__type))) continue;
    const seen = new Set<string>([action.id]);
    for (let outer = parent.get(action.id); outer !== undefined && !seen.has(outer.id); outer = parent.get(outer.id)) {
      seen.add(outer.id);
      if (outer.__type === 'LoopAction' || TERMINAL_ACTIONS.has(viaOfActionType(outer.__type))) break;
      if (outer.nextAction) {
        continuations.set(action.id, outer.nextAction);
        break;
      }
    }
  }
  return continuations;
}

function pathStarts(action: ArchitectAction): string[] {
  const starts = (action.paths ?? []).map((path) => path.nextActionId);
  if (action.path) starts.push(action.path.nextActionId);
  return starts.filter((id): id is string => id !== undefined && id !== '');
}

/**
 * An action's exits: its jumps, its written paths (labelled), and where it goes on when done
 * (`nextAction` or the continuation). A path left empty goes on too. Transfers go on only when they
 * fail, so that exit is labelled `failure`, as the YAML importer labels it.
 */
function actionExits(action: ArchitectAction, field: string, continuation: string | undefined): RawNode['out'] {
  const out: RawNode['out'] = [];
  const add = (to: string | undefined, label: string | undefined, at: string) => {
    if (to) out.push(label === undefined ? { to, field: at } : { to, label, field: at });
  };
  add(action.taskReference, undefined, `${field}.taskReference`);
  add(action.menuReference, undefined, `${field}.menuReference`);
  add(action.stateReference, undefined, `${field}.stateReference`);
  (action.paths ?? []).forEach((path, index) => {
    add(path.nextActionId, pathLabel(path.outputId, path.label), `${field}.paths[${index}].nextActionId`);
  });
  if (action.path) add(action.path.nextActionId, pathLabel(action.path.outputId, action.path.label), `${field}.path.nextActionId`);
  const via = viaOfActionType(action.__type);
  // Control goes on past the action only through an output left empty (or when it has none, or
  // after a loop); a decision whose Yes and No both hold actions goes on at the end of those.
  const paths = action.paths ?? [];
  const goesOn = action.__type === 'LoopAction' || (paths.length === 0 && !action.path) || paths.some((path) => !path.nextActionId);
  if (TERMINAL_ACTIONS.has(via) || !goesOn) return out;
  const onward = action.nextAction || continuation;
  add(onward, TRANSFER_ACTIONS.has(via) ? 'failure' : undefined, action.nextAction ? `${field}.nextAction` : field);
  return out;
}

/** From every step, follow ids through folded actions to the next steps (iterative, each id once per exit). */
function connectSteps(nodes: Map<string, RawNode>, builder: UnitBuilder): void {
  for (const node of nodes.values()) {
    if (!node.step) continue;
    for (const exit of node.out) {
      const seen = new Set<string>();
      const pending = [exit.to];
      while (pending.length > 0) {
        const id = pending.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        if (!builder.visit(exit.field)) return;
        const target = nodes.get(id);
        if (!target) {
          builder.issue('warning', exit.field, `points at ${id}, which is not an action or sequence of this flow`);
          continue;
        }
        if (target.step) {
          builder.addEdge(
            exit.label === undefined
              ? { source: node.step, target: target.step, kind: 'transition' }
              : { source: node.step, target: target.step, kind: 'transition', label: exit.label },
          );
          continue;
        }
        for (const next of target.out) pending.push(next.to);
      }
    }
  }
}
