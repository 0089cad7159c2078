import type { FlowType } from '../../model/flow-types.js';
import type { ResourceType } from '../../model/resource-types.js';
import { hasLiteralLookup, referencesInText } from './expression-refs.js';
import { nameKeys, readSlot } from './literal.js';
import type { UnitBuilder } from '../unit-builder.js';
import type { FieldPath } from '../field-path.js';
import { asList, asMap } from '../plain-values.js';

export interface ScanContext {
  builder: UnitBuilder;
  /** The referring node: the step that makes the reference, or the flow for flow-level settings. */
  from: string;
  /** The action key (callData, transferToAcd, …), container kind or flow-level settings key. */
  via: string;
  /** Sub-trees walked on their own (an action's output paths): not scanned here. */
  skip?: ReadonlySet<unknown>;
}

/** Slots whose literal value names a resource, wherever they occur. */
const SLOT_TYPES: Readonly<Record<string, ResourceType>> = {
  targetQueue: 'QUEUE',
  selectedSchedule: 'SCHEDULE',
  scheduleGroup: 'SCHEDULEGROUP',
  emergencyGroup: 'EMERGENCYGROUP',
  contactList: 'CONTACTLIST',
  wrapupCode: 'ACDWRAPUPCODE',
};

/** Blocks that name their target by a map key: `screenPopScript: {chat_hours_script: {…}}`. */
const NAME_KEY_TYPES: Readonly<Record<string, ResourceType>> = {
  dataTable: 'DATATABLE',
  screenPopScript: 'COMPOSERSCRIPT',
  settingsKnowledge: 'KNOWLEDGEBASE',
};

/** Calls to other flows name the callee as a map key holding a version key (`ver_latestPublished`). */
const CALLED_FLOW_TYPES: Readonly<Record<string, FlowType>> = {
  commonModule: 'COMMONMODULE',
  botFlow: 'BOT',
  digitalBotFlow: 'DIGITALBOT',
};

/** `findQueue: {findName: {lit: X}}` and its siblings: runtime lookups by a literal name. */
const FIND_ACTION_TYPES: Readonly<Record<string, ResourceType>> = {
  findQueue: 'QUEUE',
  findScheduleGroup: 'SCHEDULEGROUP',
  findSchedule: 'SCHEDULE',
  findEmergencyGroup: 'EMERGENCYGROUP',
  findUserPrompt: 'USERPROMPT',
  findSkill: 'ACDSKILL',
  findLanguageSkill: 'ACDLANGUAGE',
  findGroup: 'GROUP',
  findUser: 'USER',
};

/** `transferToFlow` does not say the target's type; an inbound call flow is by far the most likely. */
const TRANSFER_TARGET_TYPES: FlowType[] = ['INBOUNDCALL', 'INQUEUECALL', 'SECURECALL', 'VOICE', 'VOICEMAIL'];

/** Walks a value iteratively and records every reference it makes (archy-format.md §4 and §8). */
export function scanReferences(root: unknown, rootPath: FieldPath, context: ScanContext): void {
  const stack: Array<{ value: unknown; path: FieldPath }> = [{ value: root, path: rootPath }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (!context.builder.visit(path)) return;
    if (typeof value === 'string') {
      textReferences(value, path, context);
      continue;
    }
    const list = asList(value);
    if (list) {
      for (let index = list.length - 1; index >= 0; index -= 1) stack.push({ value: list[index], path: path.index(index) });
      continue;
    }
    const map = asMap(value);
    if (!map) continue;
    for (const [key, child] of Object.entries(map)) {
      if (context.skip?.has(child)) continue;
      const path2 = path.key(key);
      keyReferences(key, child, path2, context);
      stack.push({ value: child, path: path2 });
    }
  }
}

function textReferences(text: string, path: FieldPath, context: ScanContext): void {
  for (const found of referencesInText(text)) {
    const target = found.id === undefined ? { name: found.name } : { id: found.id };
    context.builder.addReference(context.from, context.via, { kind: 'resource', type: found.type, ...target }, path);
  }
}

function keyReferences(key: string, value: unknown, path: FieldPath, context: ScanContext): void {
  const map = asMap(value);
  if (Object.hasOwn(SLOT_TYPES, key)) {
    slotReference(SLOT_TYPES[key]!, value, path, context);
  } else if (key === 'queue' && map && 'value' in map) {
    slotReference('QUEUE', map.value, path.key('value'), context); // updateData `- queue: {variable, value}`
  } else if (key === 'queueVariable' && map) {
    slotReference('QUEUE', map.initialValue, path.key('initialValue'), { ...context, via: 'queueVariable' });
  } else if (key === 'findName' && Object.hasOwn(FIND_ACTION_TYPES, context.via)) {
    slotReference(FIND_ACTION_TYPES[context.via]!, value, path, context);
  } else if (key === 'targetFlow' || key === 'overrideInQueueFlow') {
    flowSlotReference(key, map, path, context);
  } else if (key === 'category' && map && context.via.startsWith('callData')) {
    dataActionReferences(map, path, context);
  } else if (key === 'worktype') {
    slotReference('WORKTYPE', map && 'name' in map ? map.name : value, path, context);
  } else if (map && Object.hasOwn(NAME_KEY_TYPES, key) && !('lit' in map) && !('exp' in map)) {
    for (const name of nameKeys(map)) {
      context.builder.addReference(context.from, context.via, { kind: 'resource', type: NAME_KEY_TYPES[key]!, name }, path.key(name));
    }
  } else if (map && Object.hasOwn(CALLED_FLOW_TYPES, key)) {
    for (const name of nameKeys(map)) {
      if (!isVersionBlock(map[name])) continue;
      context.builder.addReference(context.from, context.via, { kind: 'flow', name, types: [CALLED_FLOW_TYPES[key]!] }, path.key(name));
    }
  }
}

/** `{ver_latestPublished: {…}}`, or empty: what distinguishes a called flow's name from other keys. */
function isVersionBlock(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const map = asMap(value);
  return map !== undefined && Object.keys(map).every((key) => key.startsWith('ver_'));
}

function slotReference(type: ResourceType, value: unknown, path: FieldPath, context: ScanContext): void {
  const slot = readSlot(value);
  if (!slot) return;
  if ('name' in slot) {
    context.builder.addReference(context.from, context.via, { kind: 'resource', type, name: slot.name }, path);
  } else if (!/\bNOT_SET\b/.test(slot.expression) && !hasLiteralLookup(slot.expression)) {
    context.builder.addReference(context.from, context.via, { kind: 'dynamic', type, expression: slot.expression }, path);
  }
}

function flowSlotReference(key: string, map: Record<string, unknown> | undefined, path: FieldPath, context: ScanContext): void {
  if (!map) return;
  const types: FlowType[] =
    key === 'overrideInQueueFlow' ? ['INQUEUECALL'] : context.via === 'transferToFlowSecure' ? ['SECURECALL'] : TRANSFER_TARGET_TYPES;
  const slot = readSlot(map.name ?? map);
  if (!slot) return;
  const field = path.key('name');
  if ('name' in slot) context.builder.addReference(context.from, context.via, { kind: 'flow', name: slot.name, types }, field);
  else context.builder.addReference(context.from, context.via, { kind: 'dynamic', type: 'FLOW', expression: slot.expression }, field);
}

/** `category: {<integration>: {dataAction: {<action>: {…}}}}`: data actions are scoped by integration. */
function dataActionReferences(categories: Record<string, unknown>, path: FieldPath, context: ScanContext): void {
  for (const [category, block] of Object.entries(categories)) {
    const actions = asMap(asMap(block)?.dataAction);
    if (!actions) continue;
    for (const name of Object.keys(actions)) {
      const field = path.key(category).key('dataAction').key(name);
      context.builder.addReference(context.from, context.via, { kind: 'resource', type: 'DATAACTION', name, category }, field);
    }
  }
}
