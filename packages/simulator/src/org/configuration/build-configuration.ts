import { createRandom } from '../../random.js';
import { flowKind } from '../flow-kinds.js';
import { loadCorpus, SLOT_ACTIONS, type TemplateSequenceItem, templateActions } from '../templates.js';
import type { SimulatedFlow, SimulatedOrg, SimulatedReference, SimulatedVersion } from '../types.js';
import { type Action, injectedAction, jumpTo, type ResolvedTarget, retarget } from './actions.js';
import { tts } from './expressions.js';
import { ManifestBuilder } from './manifest.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
// Injected steps run in this order: hours first, then prompts and lookups, then where to go.
const INJECTION_ORDER = [
  'evaluateScheduleGroup',
  'evaluateSchedule',
  'playAudio',
  'callData',
  'dataTableLookup',
  'callCommonModule',
  'callBotFlow',
  'transferToAcd',
  'overrideInQueueFlow',
  'transferToFlow',
] as const;

type SequenceItem = TemplateSequenceItem & Record<string, unknown>;

function resolveTarget(org: SimulatedOrg, reference: SimulatedReference): ResolvedTarget {
  const resource = org.resourcesById.get(reference.targetId);
  if (resource) {
    return { id: resource.id, name: resource.name, type: resource.type, ...(resource.category ? { category: resource.category } : {}) };
  }
  const flow = org.flowsById.get(reference.targetId);
  if (!flow) throw new RangeError(`simulator/configuration: reference to unknown object ${reference.targetId}`);
  const published = flow.entity.publishedVersion?.id;
  return {
    id: flow.entity.id,
    name: flow.entity.name,
    type: reference.targetType,
    version: published ?? flow.entity.savedVersion?.id ?? '1.0',
    published: published !== undefined,
  };
}

/** A template action whose reference could not be filled becomes a no-op, so nothing dangles. */
function neutralise(action: Action): void {
  for (const key of ['flowId', 'flowName', 'flowVersion', 'actionId', 'actionName', 'category', 'datatableId', 'datatableName', 'queues']) {
    delete action[key];
  }
  action.__type = 'UpdateVariableAction';
  action.variables = [];
}

function injectedActions(
  references: readonly SimulatedReference[],
  org: SimulatedOrg,
  newId: () => string,
  manifest: ManifestBuilder,
  exit: Action,
): Action[] {
  const byVia = new Map<string, ResolvedTarget[]>();
  const refOf = new Map<ResolvedTarget, SimulatedReference>();
  for (const reference of references) {
    const target = resolveTarget(org, reference);
    refOf.set(target, reference);
    const key = reference.via === 'evaluateScheduleGroup' && reference.targetType === 'EMERGENCYGROUP' ? 'emergency' : reference.via;
    byVia.set(key, [...(byVia.get(key) ?? []), target]);
  }
  // Each step is [factory taking its next action id, targets it references].
  const steps: Array<[(id: string, next: string | undefined) => Action, ResolvedTarget[]]> = [];
  const pairs = (a: ResolvedTarget[], b: ResolvedTarget[]) =>
    Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]] as const);
  for (const via of INJECTION_ORDER) {
    const targets = byVia.get(via) ?? [];
    if (via === 'evaluateScheduleGroup') {
      for (const [group, emergency] of pairs(targets, byVia.get('emergency') ?? [])) {
        steps.push([
          (id, next) => injectedAction.evaluateScheduleGroup(id, next, group, emergency),
          [group, emergency].filter((t) => t !== undefined),
        ]);
      }
    } else if (via === 'transferToAcd') {
      for (const [queue, inQueueFlow] of pairs(targets, byVia.get('overrideInQueueFlow') ?? [])) {
        steps.push([
          (id, next) => injectedAction.transferToAcd(id, next, queue, inQueueFlow),
          [queue, inQueueFlow].filter((t) => t !== undefined),
        ]);
      }
    } else if (via !== 'overrideInQueueFlow') {
      const factory = injectedAction[via];
      for (const target of targets) steps.push([(id, next) => factory(id, next, target), [target]]);
    }
  }
  const ids = steps.map(() => newId());
  return [
    ...steps.map(([factory, targets], i) => {
      const action = factory(ids[i] as string, ids[i + 1] ?? exit.id);
      for (const target of targets) manifest.add((refOf.get(target) as SimulatedReference).targetType, target, action);
      return action;
    }),
    exit,
  ];
}

/** Two menus whose choices lead to each other: a step-level loop (with one exit, as real IVRs have). */
function menuLoop(menuIds: [string, string], exitTarget: SequenceItem, newId: () => string): SequenceItem[] {
  const [first, second] = menuIds;
  const choice = (name: string, action: Action) => ({ id: newId(), name, action });
  const exitAction: Action =
    exitTarget.__type === 'Menu'
      ? { menuReference: exitTarget.id, menuName: exitTarget.name, id: newId(), name: 'Continue', __type: 'TransferMenuAction' }
      : { taskReference: exitTarget.id, id: newId(), name: 'Continue', __type: 'TaskAction' };
  const menu = (id: string, name: string, choices: unknown[]): SequenceItem => ({
    id,
    name,
    __type: 'Menu',
    prompts: { defaultAudio: tts(`${name}. Please make a selection.`), cases: [] },
    menuChoiceList: choices as SequenceItem['menuChoiceList'],
  });
  return [
    menu(first, 'Options Menu', [
      choice('More options', {
        menuReference: second,
        menuName: 'More Options Menu',
        id: newId(),
        name: 'More options',
        __type: 'TransferMenuAction',
      }),
      choice('Continue', exitAction),
    ]),
    menu(second, 'More Options Menu', [
      choice('Back', { menuReference: first, menuName: 'Options Menu', id: newId(), name: 'Back', __type: 'TransferMenuAction' }),
    ]),
  ];
}

/**
 * A flow version's configuration (`GET /api/v2/flows/{id}/latestconfiguration` and
 * `/versions/{v}/configuration`): the corpus template with fresh ids, its references pointed at
 * org objects, plus one injected step holding the references that wire the org together.
 */
export function buildConfiguration(org: SimulatedOrg, flow: SimulatedFlow, version: SimulatedVersion): Record<string, unknown> {
  const template = loadCorpus().templates[flow.templateIndex];
  if (!template) throw new RangeError(`simulator/configuration: no template ${flow.templateIndex}`);
  const random = createRandom(flow.configurationSeed);
  const ids = new Map<string, string>();
  const remapped = template.text.replace(UUID, (id) => ids.get(id) ?? (ids.set(id, random.uuid()).get(id) as string));
  const doc = JSON.parse(remapped) as { initialSequence: string | null; flowSequenceItemList: SequenceItem[]; variables: unknown[] };
  const manifest = new ManifestBuilder();

  const templateRefs = version.references.filter((reference) => reference.placement === 'template');
  let next = 0;
  for (const action of templateActions(doc.flowSequenceItemList) as Iterable<Action>) {
    const via = SLOT_ACTIONS[action.__type];
    if (!via) continue;
    const reference = templateRefs[next];
    if (reference?.via !== via) {
      neutralise(action);
      continue;
    }
    next++;
    const target = resolveTarget(org, reference);
    retarget(action, target);
    manifest.add(reference.targetType, target, action);
  }

  const items = doc.flowSequenceItemList;
  const start = items.find((item) => item.id === doc.initialSequence) ?? items[0];
  const newId = () => random.uuid();
  let entry = start;
  if (flow.menuLoop && start) {
    const menus = menuLoop(flow.menuLoop.menuIds, start, newId);
    items.push(...menus);
    entry = menus[0];
  }
  const injected = version.references.filter((reference) => reference.placement === 'injected');
  if (injected.length > 0 && entry) {
    const kind = flowKind(flow.entity.type);
    const actions = injectedActions(injected, org, newId, manifest, jumpTo(newId(), entry));
    const item: SequenceItem = {
      startAction: actions[0]?.id,
      id: newId(),
      name: 'Route Interaction',
      __type: kind.sequenceItemType === 'State' || kind.sequenceItemType === 'BotState' ? 'State' : 'Task',
      paths: [{ label: 'Default', outputId: '__DEFAULT__' }],
      actionList: actions,
    };
    items.unshift(item);
    entry = item;
  }

  const language = template.defaultLanguage;
  return {
    name: flow.entity.name,
    ...(flow.entity.description ? { description: flow.entity.description } : {}),
    type: flow.entity.type.toLowerCase(),
    defaultLanguage: language,
    supportedLanguages: template.supportedLanguages,
    initialSequence: entry?.id ?? null,
    flowSequenceItemList: items,
    manifest: manifest.build(language),
    variables: doc.variables,
    ...(flow.entity.type === 'SECURECALL' ? { isSecure: true } : {}),
    flowMetaData: { flowDocumentVersion: '1.0', minimumServerVersion: '1.0', ttsDataVersion: '1.0' },
    nextTrackingNumber: items.length + 1,
  };
}
