import { z } from 'zod';
import { createRandom, type Random } from '../random.js';
import { buildConsumerIndex } from './consumer-index.js';
import type { FlowDraft } from './draft.js';
import { buildFlowEntity, createDirectory, type VersionState } from './flow-entity.js';
import { FLOW_KINDS, type FlowFamily, flowKind } from './flow-kinds.js';
import { NameBook } from './names.js';
import { applyPlanted, type PlantedDrafts, reservePlanted } from './planted.js';
import { generateResources } from './resources.js';
import { type LoadedTemplate, loadCorpus } from './templates.js';
import type { SimulatedFlow, SimulatedOrg, SimulatedVersion } from './types.js';
import { Wiring } from './wiring.js';

export const DEMO_ORG_FLOWS = 300;
export const DEMO_ORG_SEED = 42;
/** The planted problems need six inbound call flows, two common modules and a workflow. */
export const MIN_ORG_FLOWS = 10;

export const GenerateOrgOptionsSchema = z.object({
  flows: z.number().int().min(MIN_ORG_FLOWS).max(100_000).default(DEMO_ORG_FLOWS),
  seed: z.number().int().default(DEMO_ORG_SEED),
});
export type GenerateOrgOptions = z.input<typeof GenerateOrgOptionsSchema>;

const MINIMUM_PER_TYPE: Readonly<Record<string, number>> = { INBOUNDCALL: 6, COMMONMODULE: 2, WORKFLOW: 2 };
/** Below this size not every flow type gets one flow; the planted problems still fit. */
const ALL_TYPES_FROM = FLOW_KINDS.length + 7;
// 2024-01-01T00:00:00Z: version dates are fixed offsets from here so a seed always gives the same org.
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

/** How many flows of each type: the minimums first, the rest by weight (largest remainder). */
function allocate(total: number): Map<string, number> {
  const otherMinimum = total >= ALL_TYPES_FROM ? 1 : 0;
  const counts = new Map(FLOW_KINDS.map((kind) => [kind.type as string, MINIMUM_PER_TYPE[kind.type] ?? otherMinimum]));
  const remaining = total - [...counts.values()].reduce((sum, count) => sum + count, 0);
  const weightSum = FLOW_KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  const shares = FLOW_KINDS.map((kind) => ({ type: kind.type, exact: (remaining * kind.weight) / weightSum }));
  for (const share of shares) counts.set(share.type, (counts.get(share.type) ?? 0) + Math.floor(share.exact));
  let left = total - [...counts.values()].reduce((sum, count) => sum + count, 0);
  for (const share of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    counts.set(share.type, (counts.get(share.type) ?? 0) + 1);
  }
  return counts;
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function templatesFor(type: string, templates: readonly LoadedTemplate[]): number[] {
  for (const templateType of flowKind(type).templateTypes) {
    const indexes = templates.flatMap((template, index) => (template.type === templateType ? [index] : []));
    if (indexes.length > 0) return indexes;
  }
  throw new RangeError(`simulator/generate-org: no corpus template for flow type ${type}`);
}

const MODULE_FAMILIES: readonly FlowFamily[] = ['voice', 'voice', 'digital', 'workflow'];

function createDrafts(total: number, random: Random, names: NameBook): FlowDraft[] {
  const { templates, names: corpusNames } = loadCorpus();
  const types = shuffle(
    [...allocate(total)].flatMap(([type, count]) => Array<string>(count).fill(type)),
    random,
  );
  let modules = 0;
  const perType = new Map(
    FLOW_KINDS.map((kind) => {
      const corpusBases = kind.templateTypes.flatMap((templateType) => corpusNames.flows[templateType] ?? []);
      return [
        kind.type as string,
        { templateIndexes: templatesFor(kind.type, templates), bases: [...corpusBases.slice(0, 6), ...kind.nameWords] },
      ];
    }),
  );
  return types.map((type, index) => {
    const kind = flowKind(type);
    const { templateIndexes, bases } = perType.get(type) ?? { templateIndexes: [], bases: kind.nameWords };
    return {
      index,
      id: random.uuid(),
      name: names.take(bases),
      type,
      family: type === 'COMMONMODULE' ? (MODULE_FAMILIES[modules++ % MODULE_FAMILIES.length] ?? 'voice') : kind.family,
      templateIndex: random.pick(templateIndexes),
      references: [],
      deleted: false,
      reserved: false,
    };
  });
}

/** About 1% of flows are deleted; taken from the end, never a planted flow, never a type's last flow. */
function markDeleted(drafts: FlowDraft[], planted: PlantedDrafts): string[] {
  const plantedFlows = new Set<FlowDraft>(Object.values(planted).filter((value): value is FlowDraft => 'references' in value));
  const perType = new Map<string, number>();
  for (const draft of drafts) perType.set(draft.type, (perType.get(draft.type) ?? 0) + 1);
  const wanted = Math.max(1, Math.round(drafts.length * 0.01));
  const deleted: string[] = [];
  for (let i = drafts.length - 1; i >= 0 && deleted.length < wanted; i--) {
    const draft = drafts[i] as FlowDraft;
    const left = perType.get(draft.type) ?? 0;
    if (plantedFlows.has(draft) || left <= (MINIMUM_PER_TYPE[draft.type] ?? 1)) continue;
    draft.deleted = true;
    perType.set(draft.type, left - 1);
    deleted.push(draft.id);
  }
  return deleted;
}

function versionsOf(draft: FlowDraft, planted: PlantedDrafts, random: Random, queueId: () => string): VersionState {
  const count = draft === planted.unpublishedModule ? 1 : random.between(1, 6);
  let date = EPOCH + random.int(300) * DAY;
  const versions: SimulatedVersion[] = Array.from({ length: count }, (_, i) => {
    date += (1 + random.int(20)) * DAY;
    return { id: `${i + 1}.0`, references: draft.references, dateCreated: date };
  });
  if (draft === planted.unpublishedModule) return { versions, publishedId: undefined };
  const publishedId = versions.at(-1)?.id;
  if (draft === planted.unpublishedChanges) {
    // The saved draft routes to one more queue than the published version does.
    const extra = { targetId: queueId(), targetType: 'QUEUE', via: 'transferToAcd', placement: 'injected' } as const;
    versions.push({ id: `${count + 1}.0`, references: [...draft.references, extra], dateCreated: date + DAY });
  }
  return { versions, publishedId };
}

/** A deterministic org of `flows` flows built from the corpus templates, with the planted problems. */
export function generateOrg(options: GenerateOrgOptions = {}): SimulatedOrg {
  const { flows: total, seed } = GenerateOrgOptionsSchema.parse(options);
  const random = createRandom(seed);
  const corpus = loadCorpus();
  const names = new NameBook(random);
  const resources = generateResources(total, random, names, corpus.names);
  const drafts = createDrafts(total, random, names);
  const planted = reservePlanted(drafts, resources, random);
  const deletedFlowIds = markDeleted(drafts, planted);

  const wiring = new Wiring(random, resources, drafts);
  for (const draft of drafts) draft.references = wiring.wire(draft, corpus.templates[draft.templateIndex] as LoadedTemplate);
  applyPlanted(planted);

  const directory = createDirectory(random);
  const flows: SimulatedFlow[] = drafts.map((draft) => {
    const state = versionsOf(draft, planted, random, () => random.pick(resources.QUEUE).id);
    const kind = flowKind(draft.type);
    const flow: SimulatedFlow = {
      entity: buildFlowEntity(draft, state, directory, random, {
        locked: draft === planted.locked || random.chance(0.03),
        description: random.chance(0.4) ? `${kind.nameWords[0]} flow for ${draft.name}` : undefined,
      }),
      versions: state.versions,
      templateIndex: draft.templateIndex,
      configurationSeed: random.int(2 ** 31),
    };
    if (draft === planted.menuLoop) flow.menuLoop = { menuIds: [random.uuid(), random.uuid()] };
    return flow;
  });

  const allResources = Object.values(resources).flat();
  return {
    seed,
    divisions: directory.divisions,
    flows,
    flowsById: new Map(flows.map((flow) => [flow.entity.id, flow])),
    resources: allResources,
    resourcesById: new Map(allResources.map((resource) => [resource.id, resource])),
    consumers: buildConsumerIndex(flows),
    planted: {
      cycle: [planted.cycleA.id, planted.cycleB.id],
      unpublishedModule: { callerId: planted.unpublishedCaller.id, moduleId: planted.unpublishedModule.id },
      deletedDataAction: { dataActionId: planted.deletedDataAction.id, consumerId: planted.deletedDataActionConsumer.id },
      lockedFlowId: planted.locked.id,
      unpublishedChangesFlowId: planted.unpublishedChanges.id,
      menuLoop: { flowId: planted.menuLoop.id, menuIds: flows[planted.menuLoop.index]?.menuLoop?.menuIds ?? ['', ''] },
      deletedFlowIds,
    },
  };
}
