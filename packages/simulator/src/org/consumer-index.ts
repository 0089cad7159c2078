import type { SimulatedFlow } from './types.js';

export interface ConsumerEntry {
  flowId: string;
  versionId: string;
  /** The consuming version is the flow's published one (for `flowFilter=published`). */
  published: boolean;
}

/**
 * Reverse index for `consumingresources`: for each target, the flows whose published version or
 * latest saved version consume it. Deleted flows consume nothing any more.
 */
export function buildConsumerIndex(flows: readonly SimulatedFlow[]): Map<string, ConsumerEntry[]> {
  const index = new Map<string, ConsumerEntry[]>();
  for (const flow of flows) {
    if (flow.entity.deleted) continue;
    const publishedId = flow.entity.publishedVersion?.id;
    const current = flow.versions.filter((version, i) => version.id === publishedId || i === flow.versions.length - 1);
    for (const version of current) {
      const seen = new Set<string>();
      for (const reference of version.references) {
        if (seen.has(reference.targetId)) continue;
        seen.add(reference.targetId);
        const list = index.get(reference.targetId) ?? [];
        list.push({ flowId: flow.entity.id, versionId: version.id, published: version.id === publishedId });
        index.set(reference.targetId, list);
      }
    }
  }
  return index;
}
