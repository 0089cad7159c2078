import { stepNodeId } from '../../model/graph.js';
import { ACTION_OUTPUTS, ALWAYS_STEP_ACTIONS, TARGET_REF_KEYS, TERMINAL_ACTIONS, TRANSFER_ACTIONS } from '../action-kinds.js';
import type { FieldPath } from '../field-path.js';
import { findOutputPaths, type OutputPath } from './output-paths.js';
import { scanReferences } from './references.js';
import type { UnitBuilder } from '../unit-builder.js';
import { singleEntry } from './values.js';
import { asText } from '../plain-values.js';

/** A node control can come from when the next step runs, and the condition on the way. */
interface Exit {
  node: string;
  label: string | undefined;
}

/**
 * Where control can come from: exits, nested as the branches that produced them. Branches are
 * joined by reference, never copied, and flattened only when a step is connected, so deep
 * nesting costs time in proportion to the edges made, not to depth squared.
 */
type Frontier = Array<Exit | Frontier>;

export interface WalkContext {
  builder: UnitBuilder;
  flowId: string;
  /** Resolves `targetTaskRef` / `targetMenuRef` / `targetStateRef` to a container step id. */
  resolveTarget(ref: string, field: FieldPath): string | undefined;
}

export interface ContainerActions {
  /** The container's step node id and its step id (the prefix of its action steps' ids). */
  nodeId: string;
  stepId: string;
  items: unknown[];
  path: FieldPath;
  /** Menu choices each start from the menu, labelled by their DTMF key; actions run in sequence. */
  choices: boolean;
}

interface ListFrame {
  kind: 'list';
  items: unknown[];
  index: number;
  path: FieldPath;
  frontier: Frontier;
  parent?: BranchFrame;
}

interface BranchFrame {
  kind: 'branch';
  step: string;
  paths: OutputPath[];
  next: number;
  collected: Frontier;
  /** Where control goes on after the action when no path ends it (see `afterBranch`). */
  extra: Frontier;
  /** A loop body ends by looping back, not by going on. */
  loop: boolean;
  list: ListFrame;
}

/**
 * Turns a container's actions into steps and labelled transitions. Branching and referencing
 * actions become steps (type = action key); plain actions (updateData, playAudio without a
 * prompt) are folded into the transition that passes them, so the step graph shows menus,
 * tasks, decisions and calls. Iterative with an explicit stack: nesting depth is unbounded.
 */
export function walkActions(container: ContainerActions, context: WalkContext): void {
  let counter = 0;
  const nextStepId = () => `${container.stepId}/${counter + 1}`;
  const root: ListFrame = {
    kind: 'list',
    items: container.items,
    index: 0,
    path: container.path,
    frontier: [{ node: container.nodeId, label: undefined }],
  };
  const stack: Array<ListFrame | BranchFrame> = [root];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'branch') {
      const path = frame.paths[frame.next];
      if (path) {
        frame.next += 1;
        stack.push({
          kind: 'list',
          items: path.actions,
          index: 0,
          path: path.path,
          frontier: [{ node: frame.step, label: path.label }],
          parent: frame,
        });
      } else {
        stack.pop();
        frame.list.frontier = frame.loop ? frame.extra : [frame.collected, frame.extra];
      }
      continue;
    }
    if (frame.index >= frame.items.length) {
      stack.pop();
      frame.parent?.collected.push(frame.frontier);
      continue;
    }
    const index = frame.index;
    frame.index += 1;
    const itemPath = frame.path.index(index);
    if (!context.builder.visit(itemPath)) return;
    const entry = singleEntry(frame.items[index]);
    if (!entry) {
      context.builder.issue('warning', itemPath, 'expected an action as a one-key map (`- callData: {…}`); skipped');
      continue;
    }
    if (container.choices)
      frame.frontier = [{ node: container.nodeId, label: asText(entry.body.dtmf) ?? asText(entry.body.name) ?? entry.key }];
    const actionPath = itemPath.key(entry.key);
    const paths = findOutputPaths(entry.body, actionPath, (field) => context.builder.visit(field));
    const stepId = nextStepId();
    const step = stepNodeId(context.flowId, stepId);
    const before = context.builder.unit.references.length;
    scanReferences(entry.body, actionPath, {
      builder: context.builder,
      from: step,
      via: entry.key,
      skip: new Set(paths.map((p) => p.holder)),
    });
    const isStep = paths.length > 0 || ALWAYS_STEP_ACTIONS.has(entry.key) || context.builder.unit.references.length > before;
    if (isStep) {
      counter += 1;
      context.builder.addStep(context.flowId, stepId, asText(entry.body.name) ?? entry.key, entry.key);
      connect(frame.frontier, step, context);
      frame.frontier = [{ node: step, label: undefined }];
    }
    const targetKey = TARGET_REF_KEYS.find((key) => asText(entry.body[key]) !== undefined);
    if (targetKey !== undefined) {
      const target = context.resolveTarget(asText(entry.body[targetKey])!, actionPath.key(targetKey));
      if (target) connect(frame.frontier, target, context, entry.key);
      // callTask returns to the next action; every other jump leaves this list for good.
      if (entry.key !== 'callTask') frame.frontier = [];
      if (paths.length === 0) continue;
    }
    if (isStep && paths.length > 0) {
      stack.push({
        kind: 'branch',
        step,
        paths,
        next: 0,
        collected: [],
        extra: afterBranch(entry.key, step, paths),
        loop: entry.key === 'loop',
        list: frame,
      });
    } else if (TERMINAL_ACTIONS.has(entry.key)) {
      frame.frontier = [];
    } else if (isStep && TRANSFER_ACTIONS.has(entry.key)) {
      frame.frontier = [{ node: step, label: 'failure' }];
    }
  }
}

/** Control that passes a branching action without taking one of its written paths. */
function afterBranch(key: string, step: string, paths: OutputPath[]): Frontier {
  if (key === 'loop') return [{ node: step, label: undefined }];
  if (TRANSFER_ACTIONS.has(key)) return paths.some((p) => p.label === 'failure') ? [] : [{ node: step, label: 'failure' }];
  if (TERMINAL_ACTIONS.has(key)) return [];
  // Outputs not written fall through to the next action (a decision with only `yes:`, a lookup
  // without `failure:`); for actions whose outputs are not known, a single written path does.
  const outputs = Object.hasOwn(ACTION_OUTPUTS, key) ? ACTION_OUTPUTS[key]! : undefined;
  const written = new Set(paths.map((p) => p.label));
  const open = outputs === undefined ? paths.length < 2 : outputs.some((output) => !written.has(output));
  return open ? [{ node: step, label: undefined }] : [];
}

/** Edges from every exit of a frontier (flattened iteratively; the builder drops repeats). */
function connect(frontier: Frontier, target: string, context: WalkContext, defaultLabel?: string): void {
  const pending: Array<Exit | Frontier> = [frontier];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index -= 1) pending.push(item[index]!);
      continue;
    }
    const label = item.label ?? defaultLabel;
    context.builder.addEdge(
      label === undefined ? { source: item.node, target, kind: 'transition' } : { source: item.node, target, kind: 'transition', label },
    );
  }
}
