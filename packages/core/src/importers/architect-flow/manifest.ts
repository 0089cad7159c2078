import { type FlowType, isFlowType } from '../../model/flow-types.js';
import type { ReferenceTarget } from '../../model/reference.js';
import { type ResourceType, toResourceType } from '../../model/resource-types.js';
import type { UnitBuilder } from '../unit-builder.js';
import { asList } from '../plain-values.js';
import { ManifestEntrySchema } from './schema.js';
import type { ShownStep } from './sequences.js';

/** Manifest kinds that are language and speech plumbing every flow has, not dependencies worth a node. */
export const PLUMBING: ReadonlySet<string> = new Set(['ttsEngine', 'ttsVoice', 'language']);

/** Manifest keys whose dependency-tracking type is not simply the key upper-cased. */
const RESOURCE_KEYS: Readonly<Record<string, ResourceType>> = {
  dataAction: 'DATAACTION',
  dataTable: 'DATATABLE',
  userPrompt: 'USERPROMPT',
  systemPrompt: 'SYSTEMPROMPT',
  acdSkill: 'ACDSKILL',
  acdLanguage: 'ACDLANGUAGE',
  acdWrapupCode: 'ACDWRAPUPCODE',
  contactList: 'CONTACTLIST',
  knowledgeBase: 'KNOWLEDGEBASE',
  nluDomain: 'NLUDOMAIN',
  composerScript: 'COMPOSERSCRIPT',
  scheduleGroup: 'SCHEDULEGROUP',
  emergencyGroup: 'EMERGENCYGROUP',
  dialogflowAgent: 'DIALOGFLOWAGENT',
  sttEngine: 'STTENGINE',
};

/** `commonModuleFlow`, `botFlow`, `inqueueCallFlow`, … → the flow type they name. */
function flowTypeOfManifestKey(key: string): FlowType | undefined {
  if (!key.endsWith('Flow')) return undefined;
  const type = key.slice(0, -'Flow'.length).toUpperCase();
  return isFlowType(type) ? type : undefined;
}

function targetOf(key: string, id: string | undefined, name: string | undefined): ReferenceTarget {
  const flowType = flowTypeOfManifestKey(key);
  const named = { ...(id === undefined ? {} : { id }), ...(name === undefined ? {} : { name }) };
  if (flowType) return { kind: 'flow', types: [flowType], ...named };
  const type = Object.hasOwn(RESOURCE_KEYS, key) ? RESOURCE_KEYS[key]! : toResourceType(key);
  return type === 'OTHER' ? { kind: 'resource', type, rawType: key.toUpperCase(), ...named } : { kind: 'resource', type, ...named };
}

/**
 * Architect's own dependency list, with ids. Each entry is attributed to the step whose action id
 * its `context` names; entries used only inside a snapshotted common module (or with no context)
 * belong to the flow.
 */
export function manifestReferences(
  manifest: Record<string, unknown>,
  flowId: string,
  steps: ReadonlyMap<string, ShownStep>,
  builder: UnitBuilder,
): void {
  for (const [key, entries] of Object.entries(manifest)) {
    if (PLUMBING.has(key)) continue;
    const list = asList(entries);
    if (!list) {
      builder.issue('warning', `manifest.${key}`, 'manifest entry is not a list; skipped');
      continue;
    }
    list.forEach((raw, index) => {
      const field = `manifest.${key}[${index}]`;
      const entry = ManifestEntrySchema.safeParse(raw);
      if (!entry.success || (entry.data.id === undefined && entry.data.name === undefined)) {
        builder.issue('warning', field, 'manifest entry without id or name; skipped');
        return;
      }
      const target = targetOf(key, entry.data.id, entry.data.name);
      const users = (entry.data.context ?? []).flatMap((context) => {
        const shown = context.id === undefined ? undefined : steps.get(context.id);
        return shown ? [shown] : [];
      });
      for (const user of users) builder.addReference(user.step, user.via, target, field);
      if (users.length === 0) builder.addReference(flowId, `manifest.${key}`, target, field);
    });
  }
}
