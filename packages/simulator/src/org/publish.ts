import { compareStrings } from '@flowgraph/core';
import { createRandom } from '../random.js';
import { buildConsumerIndex } from './consumer-index.js';
import type { SimulatedFlow, SimulatedOrg, SimulatedReference, SimulatedResource } from './types.js';

export interface PublishedVersion {
  id: string;
  name: string;
  /** The new published version id. */
  version: string;
  /** What the new version consumes that the previous one did not, and what it no longer consumes. */
  added: string[];
  removed: string[];
}

const DAY = 86_400_000;

/**
 * Publishes a new version of each flow, as an architect who edits and publishes it would: the new
 * version stops using the last object the previous version added (when it uses more than one)
 * and starts using another data action or queue. Seeded by the org, the flow and the version, so
 * the same calls give the same org. The listing, dependency tracking, `consumingresources` and
 * configurations all answer for the new version at once.
 */
export function publishNewVersions(org: SimulatedOrg, flowIds: readonly string[], now: number): PublishedVersion[] {
  const published: PublishedVersion[] = [];
  for (const flowId of flowIds) {
    const flow = org.flowsById.get(flowId);
    if (flow === undefined) throw new RangeError(`simulator: no flow ${flowId}`);
    if (flow.entity.deleted) throw new RangeError(`simulator: flow ${flowId} is deleted`);
    published.push(publishOne(org, flow, now));
  }
  org.consumers = buildConsumerIndex(org.flows);
  return published;
}

/** `count` flows to change, spread over the org (every k-th live flow by id), for demos and benchmarks. */
export function flowsToChange(org: SimulatedOrg, count: number): string[] {
  const live = org.flows
    .filter((flow) => !flow.entity.deleted)
    .map((flow) => flow.entity.id)
    .sort(compareStrings);
  if (count <= 0 || live.length === 0) return [];
  const step = Math.max(1, Math.floor(live.length / count));
  return live.filter((_, i) => i % step === 0).slice(0, count);
}

function publishOne(org: SimulatedOrg, flow: SimulatedFlow, now: number): PublishedVersion {
  const previous =
    flow.versions.find((version) => version.id === flow.entity.publishedVersion?.id) ??
    (flow.versions.at(-1) as SimulatedFlow['versions'][number]);
  const number = Math.max(...flow.versions.map((version) => Number.parseFloat(version.id) || 0)) + 1;
  const id = `${number}.0`;
  const random = createRandom(org.seed ^ hashOf(`${flow.entity.id}@${id}`));
  const references: SimulatedReference[] = [...previous.references];
  const removed: string[] = [];
  const lastInjected = references.map((reference) => reference.placement).lastIndexOf('injected');
  if (references.length > 1 && lastInjected >= 0) {
    const [dropped] = references.splice(lastInjected, 1);
    if (dropped && !references.some((reference) => reference.targetId === dropped.targetId)) removed.push(dropped.targetId);
  }
  const used = new Set(references.map((reference) => reference.targetId));
  const candidates = org.resources.filter(
    (resource) => !resource.deleted && !used.has(resource.id) && (resource.type === 'DATAACTION' || resource.type === 'QUEUE'),
  );
  const added: string[] = [];
  if (candidates.length > 0) {
    const target = random.pick(candidates) as SimulatedResource;
    references.push({
      targetId: target.id,
      targetType: target.type,
      via: target.type === 'DATAACTION' ? 'callData' : 'transferToAcd',
      placement: 'injected',
    });
    added.push(target.id);
  }
  const dateCreated = Math.max(now, (flow.versions.at(-1)?.dateCreated ?? 0) + DAY);
  flow.versions.push({ id, references, dateCreated });
  const base = `/api/v2/flows/${flow.entity.id}/versions/${id}`;
  const template = flow.entity.publishedVersion ?? flow.entity.savedVersion ?? { id };
  const version = {
    ...template,
    id,
    commitVersion: id,
    configurationVersion: id,
    dateCreated,
    configurationUri: `${base}/configuration`,
    selfUri: base,
  };
  flow.entity.publishedVersion = { ...version, type: 'PUBLISH' };
  flow.entity.checkedInVersion = { ...version, type: 'CHECKIN' };
  flow.entity.savedVersion = { ...version, type: 'SAVE' };
  return { id: flow.entity.id, name: flow.entity.name, version: id, added, removed };
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
