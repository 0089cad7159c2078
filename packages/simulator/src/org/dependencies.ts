import type { GenesysDependency } from '@flowgraph/core';
import { dependencyTypeOf } from './wiring.js';
import type { SimulatedFlow, SimulatedOrg, SimulatedVersion } from './types.js';

/** A flow as a dependency-tracking `Dependency`, at `version` (default: published, else saved). */
export function flowDependency(flow: SimulatedFlow, version?: string): GenesysDependency {
  return {
    id: flow.entity.id,
    name: flow.entity.name,
    version: version ?? flow.entity.publishedVersion?.id ?? flow.entity.savedVersion?.id ?? '1.0',
    type: dependencyTypeOf(flow.entity.type),
    deleted: flow.entity.deleted ?? false,
    updated: false,
    // Dependency tracking cannot vouch for an object that was never published.
    stateUnknown: flow.entity.publishedVersion === undefined,
    selfUri: flow.entity.selfUri ?? `/api/v2/flows/${flow.entity.id}`,
  };
}

/** Any object of the org as a `Dependency`, or undefined when the id is unknown. */
export function dependencyOf(org: SimulatedOrg, id: string): GenesysDependency | undefined {
  const flow = org.flowsById.get(id);
  if (flow) return flowDependency(flow);
  const resource = org.resourcesById.get(id);
  if (!resource) return undefined;
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type,
    deleted: resource.deleted,
    updated: false,
    stateUnknown: false,
    selfUri: resource.selfUri,
  };
}

/** What one flow version consumes, each object once, in the order the flow first uses it. */
export function consumedResources(org: SimulatedOrg, version: SimulatedVersion): GenesysDependency[] {
  const seen = new Set<string>();
  const out: GenesysDependency[] = [];
  for (const reference of version.references) {
    if (seen.has(reference.targetId)) continue;
    seen.add(reference.targetId);
    const dependency = dependencyOf(org, reference.targetId);
    if (dependency) out.push(dependency);
  }
  return out;
}

/** Flow versions that consume `id` (`consumingresources`). */
export function consumingResources(org: SimulatedOrg, id: string, publishedOnly: boolean): GenesysDependency[] {
  return (org.consumers.get(id) ?? []).flatMap((entry) => {
    const flow = org.flowsById.get(entry.flowId);
    return flow && (!publishedOnly || entry.published) ? [flowDependency(flow, entry.versionId)] : [];
  });
}
