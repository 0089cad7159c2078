import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildConfiguration,
  consumedResources,
  consumingResources,
  DEMO_ORG_FLOWS,
  generateOrg,
  MANIFEST_KEY_TO_DEPENDENCY_TYPE,
  type SimulatedFlow,
  type SimulatedOrg,
} from '../src/index.js';

const demo = generateOrg({ flows: DEMO_ORG_FLOWS, seed: 42 });

type Configuration = {
  name: string;
  type: string;
  initialSequence: string;
  flowSequenceItemList: Array<{
    __type: string;
    id: string;
    actionList?: Array<Record<string, unknown>>;
    menuChoiceList?: Array<{ action: Record<string, unknown> }>;
  }>;
  manifest: Record<string, Array<{ id: string; name: string; context: unknown[] }>>;
};

function latest(org: SimulatedOrg, flow: SimulatedFlow): Configuration {
  return buildConfiguration(org, flow, flow.versions.at(-1) as SimulatedFlow['versions'][number]) as Configuration;
}

function flow(org: SimulatedOrg, id: string): SimulatedFlow {
  const found = org.flowsById.get(id);
  if (!found) throw new Error(`no flow ${id}`);
  return found;
}

describe('[U] generateOrg', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const again = generateOrg({ flows: DEMO_ORG_FLOWS, seed: 42 });
    expect(JSON.stringify(again.flows.map((f) => f.entity))).toBe(JSON.stringify(demo.flows.map((f) => f.entity)));
    expect(again.planted).toEqual(demo.planted);
    const aFlow = demo.flows[5] as SimulatedFlow;
    expect(latest(again, flow(again, aFlow.entity.id))).toEqual(latest(demo, aFlow));
    expect(generateOrg({ flows: DEMO_ORG_FLOWS, seed: 43 }).flows[0]?.entity.id).not.toBe(demo.flows[0]?.entity.id);
  });

  it('builds every flow type named in the issue, with unique uuid ids and names from the corpus', () => {
    expect(demo.flows).toHaveLength(DEMO_ORG_FLOWS);
    const types = new Set(demo.flows.map((f) => f.entity.type));
    for (const type of [
      'INBOUNDCALL',
      'INQUEUECALL',
      'COMMONMODULE',
      'BOT',
      'DIGITALBOT',
      'WORKFLOW',
      'INBOUNDSHORTMESSAGE',
      'INBOUNDCHAT',
      'INBOUNDEMAIL',
      'OUTBOUNDCALL',
      'SECURECALL',
      'SURVEYINVITE',
      'WORKITEM',
    ]) {
      expect(types, type).toContain(type);
    }
    const ids = demo.flows.map((f) => f.entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(demo.flows.map((f) => f.entity.name.toLowerCase())).size).toBe(ids.length);
    expect(demo.flows.some((f) => f.entity.name.startsWith('Cache Example'))).toBe(true);
    const resourceTypes = new Set(demo.resources.map((r) => r.type));
    expect([...resourceTypes].sort()).toEqual([
      'DATAACTION',
      'DATATABLE',
      'EMERGENCYGROUP',
      'QUEUE',
      'SCHEDULE',
      'SCHEDULEGROUP',
      'SYSTEMPROMPT',
      'USERPROMPT',
    ]);
  });

  it('scales to 5,000 flows and down to the minimum', () => {
    expect(generateOrg({ flows: 5000, seed: 1 }).flows).toHaveLength(5000);
    const small = generateOrg({ flows: 10, seed: 1 });
    expect(small.flows).toHaveLength(10);
    expect(small.planted.cycle).toHaveLength(2);
    expect(() => generateOrg({ flows: 9, seed: 1 })).toThrow(/flows/);
  });

  it('keeps the committed corpus templates compact', () => {
    expect(statSync(new URL('../src/org/corpus-templates.json', import.meta.url)).size).toBeLessThan(1.5 * 1024 * 1024);
  });
});

describe('[U] planted problems', () => {
  const { planted } = demo;
  const consumedIds = (id: string, version?: string) => {
    const f = flow(demo, id);
    const v = f.versions.find((candidate) => candidate.id === (version ?? f.entity.publishedVersion?.id)) ?? f.versions.at(-1);
    return consumedResources(demo, v as SimulatedFlow['versions'][number]);
  };

  it('an org-level cycle between two inbound call flows', () => {
    const [a, b] = planted.cycle;
    expect(flow(demo, a).entity.type).toBe('INBOUNDCALL');
    expect(consumedIds(a).map((d) => d.id)).toContain(b);
    expect(consumedIds(b).map((d) => d.id)).toContain(a);
  });

  it('a published flow calling a common module that was never published', () => {
    const module = flow(demo, planted.unpublishedModule.moduleId).entity;
    expect(module.publishedVersion).toBeUndefined();
    expect(module.savedVersion?.id).toBe('1.0');
    const caller = flow(demo, planted.unpublishedModule.callerId).entity;
    expect(caller.publishedVersion).toBeDefined();
    expect(consumedIds(caller.id).find((d) => d.id === module.id)).toMatchObject({
      type: 'COMMONMODULEFLOW',
      version: '1.0',
      stateUnknown: true,
    });
    // Random wiring never touches the module: its one consumer is the planted caller.
    expect(consumingResources(demo, module.id, false).map((d) => d.id)).toEqual([caller.id]);
  });

  it('a deleted data action that is still consumed', () => {
    const { dataActionId, consumerId } = planted.deletedDataAction;
    expect(consumedIds(consumerId).find((d) => d.id === dataActionId)).toMatchObject({ type: 'DATAACTION', deleted: true });
    expect(consumingResources(demo, dataActionId, false).map((d) => d.id)).toEqual([consumerId]);
  });

  it('a locked flow and a flow with unpublished changes that consume more', () => {
    expect(flow(demo, planted.lockedFlowId).entity.lockedUser?.id).toBeDefined();
    const changed = flow(demo, planted.unpublishedChangesFlowId);
    const published = Number.parseFloat(changed.entity.publishedVersion?.id ?? '0');
    expect(Number.parseFloat(changed.entity.savedVersion?.id ?? '0')).toBe(published + 1);
    const saved = consumedIds(changed.entity.id, changed.entity.savedVersion?.id);
    expect(saved.length).toBeGreaterThan(consumedIds(changed.entity.id).length);
  });

  it('a step-level menu loop', () => {
    const config = latest(demo, flow(demo, planted.menuLoop.flowId));
    const [first, second] = planted.menuLoop.menuIds;
    const menu = (id: string) => config.flowSequenceItemList.find((item) => item.id === id);
    expect(menu(first)?.__type).toBe('Menu');
    const targets = (id: string) => menu(id)?.menuChoiceList?.map((choice) => choice.action.menuReference) ?? [];
    expect(targets(first)).toContain(second);
    expect(targets(second)).toContain(first);
  });
});

describe('[U] latestconfiguration agrees with dependency tracking', () => {
  it('for every flow of the demo org: same ids, names and types in manifest and consumedresources', () => {
    let references = 0;
    for (const f of demo.flows) {
      const config = latest(demo, f);
      expect(config.type).toBe(f.entity.type.toLowerCase());
      const fromManifest = Object.entries(config.manifest)
        .filter(([key]) => key !== 'language')
        .flatMap(([key, entries]) => entries.map((entry) => `${MANIFEST_KEY_TO_DEPENDENCY_TYPE.get(key)}|${entry.id}|${entry.name}`));
      const consumed = consumedResources(demo, f.versions.at(-1) as SimulatedFlow['versions'][number]).map(
        (d) => `${d.type}|${d.id}|${d.name}`,
      );
      expect(fromManifest.sort(), f.entity.name).toEqual(consumed.sort());
      references += consumed.length;
    }
    // About four references per flow: an org wired together, not 300 islands.
    expect(references).toBeGreaterThan(demo.flows.length * 2);
  });

  it('actions carry the manifest ids: flow calls by flowId, data by actionId/datatableId', () => {
    const caller = flow(demo, demo.planted.unpublishedModule.callerId);
    const config = latest(demo, caller);
    const actions = config.flowSequenceItemList.flatMap((item) => item.actionList ?? []);
    const call = actions.find(
      (action) => action.__type === 'CallCommonModuleAction' && action.flowId === demo.planted.unpublishedModule.moduleId,
    );
    expect(call).toBeDefined();
    expect(config.manifest.commonModuleFlow?.some((entry) => entry.context.some((c) => (c as { id: string }).id === call?.id))).toBe(true);
    const [a, b] = demo.planted.cycle;
    const transfer = latest(demo, flow(demo, a))
      .flowSequenceItemList.flatMap((item) => item.actionList ?? [])
      .find((action) => action.flowId === b);
    expect(transfer).toMatchObject({ __type: 'TransferFlowAction', flowName: flow(demo, b).entity.name });
    // Every step reference resolves inside the document.
    const itemIds = new Set(config.flowSequenceItemList.map((item) => item.id));
    expect(itemIds.has(config.initialSequence)).toBe(true);
  });
});
