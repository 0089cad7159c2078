import type { GenesysDependency } from '../../genesys-api/schemas.js';
import { flowTypeOfDependencyType } from '../../model/flow-types.js';
import type { Reference, ReferenceTarget } from '../../model/reference.js';
import { toResourceType } from '../../model/resource-types.js';
import { viaOfDependencyType } from './via.js';

/** One consumed resource of dependency tracking as a reference from the consuming flow. */
export function dependencyReference(flowId: string, dependency: GenesysDependency, file: string, field: string): Reference {
  return { from: flowId, via: viaOfDependencyType(dependency.type), target: targetOf(dependency), file, field };
}

function targetOf(dependency: GenesysDependency): ReferenceTarget {
  const flowType = flowTypeOfDependencyType(dependency.type);
  if (flowType !== undefined) {
    const target: ReferenceTarget = { kind: 'flow', id: dependency.id, types: [flowType] };
    if (dependency.name !== undefined) target.name = dependency.name;
    if (dependency.deleted) target.deleted = true;
    return target;
  }
  const type = toResourceType(dependency.type);
  const target: ReferenceTarget = { kind: 'resource', type, id: dependency.id };
  if (type === 'OTHER') target.rawType = dependency.type.toUpperCase();
  if (dependency.name !== undefined) target.name = dependency.name;
  if (dependency.deleted) target.deleted = true;
  return target;
}
