import type { Random } from '../random.js';
import type { FlowDraft } from './draft.js';
import type { LoadedTemplate } from './templates.js';
import type { ResourcePools } from './resources.js';
import { FLOW_TYPE_TO_DEPENDENCY_TYPE } from '@flowgraph/core';
import type { ReferenceVia, ResourceType, SimulatedReference, SimulatedResource } from './types.js';

/**
 * Who calls what. Each rule adds references of one kind with a probability; flow-to-flow rules
 * only point at flows generated earlier (`earlierOnly`) or at types that never call back, so the
 * generated org is acyclic and the planted cycle is the only one.
 */
type Target = { resource: ResourceType } | { flowTypes: string[]; sameFamily?: boolean; earlierOnly?: boolean };

interface Rule {
  via: ReferenceVia;
  target: Target;
  probability: number;
  /** Up to this many references (at least one when the rule fires). */
  max?: number;
}

const QUEUE: Rule = { via: 'transferToAcd', target: { resource: 'QUEUE' }, probability: 0.8 };
const DATA: Rule = { via: 'callData', target: { resource: 'DATAACTION' }, probability: 0.4, max: 2 };
const TABLE: Rule = { via: 'dataTableLookup', target: { resource: 'DATATABLE' }, probability: 0.2 };
const PROMPT: Rule = { via: 'playAudio', target: { resource: 'USERPROMPT' }, probability: 0.6, max: 2 };
const MODULE = (probability: number, max = 1): Rule => ({
  via: 'callCommonModule',
  target: { flowTypes: ['COMMONMODULE'], sameFamily: true },
  probability,
  max,
});

const VOICE_ENTRY: Rule[] = [
  { via: 'evaluateScheduleGroup', target: { resource: 'SCHEDULEGROUP' }, probability: 0.6 },
  { via: 'evaluateScheduleGroup', target: { resource: 'EMERGENCYGROUP' }, probability: 0.2 },
  { via: 'evaluateSchedule', target: { resource: 'SCHEDULE' }, probability: 0.15 },
  PROMPT,
  MODULE(0.7, 2),
  DATA,
  TABLE,
  QUEUE,
  { via: 'overrideInQueueFlow', target: { flowTypes: ['INQUEUECALL'] }, probability: 0.3 },
];

const DIGITAL_ENTRY = (inQueueType: string): Rule[] => [
  { via: 'evaluateScheduleGroup', target: { resource: 'SCHEDULEGROUP' }, probability: 0.3 },
  { via: 'callBotFlow', target: { flowTypes: ['BOT', 'DIGITALBOT'] }, probability: 0.5 },
  MODULE(0.4),
  DATA,
  QUEUE,
  { via: 'overrideInQueueFlow', target: { flowTypes: [inQueueType] }, probability: 0.2 },
];

const WIRING_RULES: Readonly<Record<string, Rule[]>> = {
  INBOUNDCALL: [
    ...VOICE_ENTRY,
    { via: 'transferToFlow', target: { flowTypes: ['INBOUNDCALL'], earlierOnly: true }, probability: 0.08 },
    { via: 'transferToFlow', target: { flowTypes: ['SECURECALL'] }, probability: 0.1 },
    { via: 'callBotFlow', target: { flowTypes: ['BOT'] }, probability: 0.15 },
  ],
  SECURECALL: [MODULE(0.3), DATA],
  OUTBOUNDCALL: [PROMPT, MODULE(0.4), DATA, QUEUE],
  VOICEMAIL: [PROMPT, { via: 'playAudio', target: { resource: 'SYSTEMPROMPT' }, probability: 0.5 }],
  INQUEUECALL: [
    PROMPT,
    { via: 'playAudio', target: { resource: 'SYSTEMPROMPT' }, probability: 0.5 },
    MODULE(0.3),
    { ...DATA, probability: 0.3, max: 1 },
  ],
  COMMONMODULE: [
    { ...DATA, probability: 0.6 },
    { ...TABLE, probability: 0.3 },
    { via: 'callCommonModule', target: { flowTypes: ['COMMONMODULE'], sameFamily: true, earlierOnly: true }, probability: 0.25 },
  ],
  BOT: [DATA, { ...TABLE, probability: 0.1 }],
  DIGITALBOT: [DATA],
  WORKFLOW: [{ ...DATA, probability: 0.3 }, TABLE, MODULE(0.2)],
  INBOUNDSHORTMESSAGE: DIGITAL_ENTRY('INQUEUESHORTMESSAGE'),
  INBOUNDCHAT: DIGITAL_ENTRY('INQUEUESHORTMESSAGE'),
  INBOUNDEMAIL: DIGITAL_ENTRY('INQUEUEEMAIL'),
  INQUEUEEMAIL: [{ ...DATA, probability: 0.3, max: 1 }],
  INQUEUESHORTMESSAGE: [{ ...DATA, probability: 0.3, max: 1 }],
  SURVEYINVITE: [{ ...DATA, probability: 0.5 }],
  WORKITEM: [{ ...DATA, probability: 0.5 }, QUEUE],
};

/** Template actions that reference flows are filled from these (types that never call back). */
const TEMPLATE_SLOT_TARGETS: Partial<Record<ReferenceVia, Target>> = {
  callData: { resource: 'DATAACTION' },
  dataTableLookup: { resource: 'DATATABLE' },
  transferToAcd: { resource: 'QUEUE' },
  callCommonModule: { flowTypes: ['COMMONMODULE'], sameFamily: true, earlierOnly: true },
  callBotFlow: { flowTypes: ['BOT'] },
  transferToFlow: { flowTypes: ['VOICEMAIL'] },
};

export class Wiring {
  private readonly flowsByType = new Map<string, FlowDraft[]>();
  private readonly liveResources = new Map<ResourceType, SimulatedResource[]>();
  private readonly flowPools = new Map<string, FlowDraft[]>();

  constructor(
    private readonly random: Random,
    private readonly resources: ResourcePools,
    flows: readonly FlowDraft[],
  ) {
    for (const flow of flows) {
      if (flow.deleted || flow.reserved) continue;
      const list = this.flowsByType.get(flow.type) ?? [];
      list.push(flow);
      this.flowsByType.set(flow.type, list);
    }
  }

  private flowPool(types: readonly string[], family: string | undefined): FlowDraft[] {
    const key = `${types.join(',')}|${family ?? '*'}`;
    let pool = this.flowPools.get(key);
    if (!pool) {
      pool = types
        .flatMap((type) => this.flowsByType.get(type) ?? [])
        .filter((candidate) => family === undefined || candidate.family === family)
        .sort((a, b) => a.index - b.index);
      this.flowPools.set(key, pool);
    }
    return pool;
  }

  /** Template slots first (in document order), then the injected references of the flow's rules. */
  wire(flow: FlowDraft, template: LoadedTemplate): SimulatedReference[] {
    const references: SimulatedReference[] = [];
    for (const via of template.slots) {
      const target = TEMPLATE_SLOT_TARGETS[via];
      const picked = target && this.pick(flow, target);
      if (picked) references.push({ ...picked, via, placement: 'template' });
    }
    for (const rule of WIRING_RULES[flow.type] ?? []) {
      if (!this.random.chance(rule.probability)) continue;
      const count = this.random.between(1, rule.max ?? 1);
      for (let i = 0; i < count; i++) {
        const picked = this.pick(flow, rule.target);
        if (picked) references.push({ ...picked, via: rule.via, placement: 'injected' });
      }
    }
    return references;
  }

  private pick(flow: FlowDraft, target: Target): Pick<SimulatedReference, 'targetId' | 'targetType'> | undefined {
    if ('resource' in target) {
      let pool = this.liveResources.get(target.resource);
      if (!pool) {
        pool = this.resources[target.resource].filter((resource) => !resource.deleted);
        this.liveResources.set(target.resource, pool);
      }
      const resource = pool.length > 0 ? this.random.pick(pool) : undefined;
      return resource && { targetId: resource.id, targetType: resource.type };
    }
    const pool = this.flowPool(target.flowTypes, target.sameFamily ? flow.family : undefined);
    // Pools are in generation order, so "earlier flows only" is a prefix.
    const size = target.earlierOnly ? prefixBefore(pool, flow.index) : pool.length;
    if (size === 0) return undefined;
    const chosen = pool[this.random.int(size)] as FlowDraft;
    if (chosen.id === flow.id) return undefined;
    return { targetId: chosen.id, targetType: dependencyTypeOf(chosen.type) };
  }
}

/** How many flows of `pool` (sorted by index) come before `index`. */
function prefixBefore(pool: readonly FlowDraft[], index: number): number {
  let low = 0;
  let high = pool.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((pool[middle] as FlowDraft).index < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function dependencyTypeOf(flowType: string): string {
  const type = FLOW_TYPE_TO_DEPENDENCY_TYPE[flowType as keyof typeof FLOW_TYPE_TO_DEPENDENCY_TYPE];
  if (!type) throw new RangeError(`simulator/wiring: no dependency type for flow type ${flowType}`);
  return type;
}
