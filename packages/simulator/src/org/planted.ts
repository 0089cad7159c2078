import type { Random } from '../random.js';
import type { FlowDraft } from './draft.js';
import type { ResourcePools } from './resources.js';
import type { SimulatedReference, SimulatedResource } from './types.js';
import { dependencyTypeOf } from './wiring.js';

/**
 * The problems every generated org contains, so the analyser, the demo and the tests always have
 * something real to find. Flows are reserved before wiring so random references never touch the
 * unpublished module (which would add unplanned findings).
 */
export interface PlantedDrafts {
  cycleA: FlowDraft;
  cycleB: FlowDraft;
  unpublishedCaller: FlowDraft;
  unpublishedModule: FlowDraft;
  deletedDataActionConsumer: FlowDraft;
  locked: FlowDraft;
  unpublishedChanges: FlowDraft;
  menuLoop: FlowDraft;
  deletedDataAction: SimulatedResource;
}

function take(drafts: readonly FlowDraft[], type: string, taken: Set<FlowDraft>): FlowDraft {
  const found = drafts.find((draft) => draft.type === type && !draft.deleted && !taken.has(draft));
  if (!found) throw new RangeError(`simulator/planted: the org has too few ${type} flows for the planted problems`);
  taken.add(found);
  return found;
}

/** Picks the flows and the data action that carry planted problems (call before wiring). */
export function reservePlanted(drafts: readonly FlowDraft[], resources: ResourcePools, random: Random): PlantedDrafts {
  const taken = new Set<FlowDraft>();
  const deletedDataAction = random.pick(resources.DATAACTION);
  // Deleted after its one consumer was published: random wiring must not pick it.
  deletedDataAction.deleted = true;
  const planted: PlantedDrafts = {
    cycleA: take(drafts, 'INBOUNDCALL', taken),
    cycleB: take(drafts, 'INBOUNDCALL', taken),
    unpublishedCaller: take(drafts, 'INBOUNDCALL', taken),
    unpublishedModule: take(drafts, 'COMMONMODULE', taken),
    deletedDataActionConsumer: take(drafts, 'WORKFLOW', taken),
    locked: take(drafts, 'COMMONMODULE', taken),
    unpublishedChanges: take(drafts, 'INBOUNDCALL', taken),
    menuLoop: take(drafts, 'INBOUNDCALL', taken),
    deletedDataAction,
  };
  // Only the unpublished module must stay out of random wiring; it is reached through its caller alone.
  planted.unpublishedModule.reserved = true;
  return planted;
}

function link(from: FlowDraft, to: FlowDraft, via: SimulatedReference['via']): void {
  from.references.push({ targetId: to.id, targetType: dependencyTypeOf(to.type), via, placement: 'injected' });
}

/** Adds the planted references (call after wiring). */
export function applyPlanted(planted: PlantedDrafts): void {
  link(planted.cycleA, planted.cycleB, 'transferToFlow');
  link(planted.cycleB, planted.cycleA, 'transferToFlow');
  link(planted.unpublishedCaller, planted.unpublishedModule, 'callCommonModule');
  planted.unpublishedModule.family = planted.unpublishedCaller.family;
  planted.deletedDataActionConsumer.references.push({
    targetId: planted.deletedDataAction.id,
    targetType: 'DATAACTION',
    via: 'callData',
    placement: 'injected',
  });
}
