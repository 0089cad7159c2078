import type { ZodError } from 'zod';
import { type ArchyFlowBody, ArchyContainerSchema } from './schema.js';
import type { FieldPath } from '../field-path.js';
import { type YamlMap, singleEntry } from './values.js';
import { asList, asMap } from '../plain-values.js';

/** A menu, task, state, bot or start-up action list: one step of the flow. */
export interface Container {
  kind: string;
  stepId: string;
  name: string;
  refId?: string;
  /** The container body without its action lists: scanned for references (menu audio, variables). */
  body: YamlMap;
  actions: unknown[];
  choices: unknown[];
  path: FieldPath;
  /** Where the actions list is: `….task.actions`, or the `startUpTaskActions` list itself. */
  actionsPath: FieldPath;
}

const CONTAINER_LISTS: ReadonlyArray<[list: string, item: string]> = [
  ['menus', 'menu'],
  ['tasks', 'task'],
  ['states', 'state'],
  ['bots', 'bot'],
];

/** Single containers some flow types write directly under the flow (`startUpState`, `periodicState`). */
const SINGLE_CONTAINERS = ['startUpState', 'periodicState', 'startUpTask', 'periodicTask'];

export interface ContainerProblem {
  field: FieldPath;
  message: string;
}

export function findContainers(body: ArchyFlowBody, flowPath: FieldPath): { containers: Container[]; problems: ContainerProblem[] } {
  const containers: Container[] = [];
  const problems: ContainerProblem[] = [];
  for (const [list, item] of CONTAINER_LISTS) {
    (asList(body[list]) ?? []).forEach((entry, index) => {
      const itemPath = flowPath.key(list).index(index);
      const single = singleEntry(entry);
      if (!single || single.key !== item) {
        problems.push({ field: itemPath, message: `expected \`- ${item}: {…}\`; skipped` });
        return;
      }
      const container = toContainer(item, single.body, itemPath.key(item), `${item}[${index}]`, problems);
      if (container) containers.push(container);
    });
  }
  for (const key of SINGLE_CONTAINERS) {
    const single = asMap(body[key]);
    if (single) {
      const container = toContainer(key.startsWith('periodic') ? 'periodic' : 'startUp', single, flowPath.key(key), key, problems);
      if (container) containers.push(container);
    }
  }
  // `startUpTaskActions` (every in-queue flow) and any other `…Actions` list directly under the flow.
  for (const [key, value] of Object.entries(body)) {
    const actions = key.endsWith('Actions') ? asList(value) : undefined;
    if (actions)
      containers.push({
        kind: 'task',
        stepId: key,
        name: key,
        body: {},
        actions,
        choices: [],
        path: flowPath.key(key),
        actionsPath: flowPath.key(key),
      });
  }
  return { containers, problems };
}

function toContainer(kind: string, raw: YamlMap, path: FieldPath, fallbackId: string, problems: ContainerProblem[]): Container | undefined {
  const parsed = ArchyContainerSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, path));
    return undefined;
  }
  const { actions, choices, ...rest } = parsed.data;
  const refId = parsed.data.refId?.trim() || undefined;
  const name = parsed.data.name?.trim() || refId || fallbackId;
  const container: Container = {
    kind,
    stepId: refId ?? name,
    name,
    body: rest,
    actions: actions ?? [],
    choices: choices ?? [],
    path,
    actionsPath: path.key('actions'),
  };
  if (refId !== undefined) container.refId = refId;
  return container;
}

export function zodProblems(error: ZodError, basePath: FieldPath): ContainerProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.reduce<FieldPath>((path, key) => (typeof key === 'number' ? path.index(key) : path.key(String(key))), basePath),
    message: issue.message,
  }));
}
