import type { GenesysDependency } from '@flowgraph/core';
import type { Response } from 'express';
import type { Principal } from '../http/tokens.js';
import type { SimulatedFlow, SimulatedOrg } from '../org/types.js';

/**
 * What one token may see. A person sees the flows of the divisions their role covers; the
 * client-credentials client's role covers every division (the demo client's does). Shared
 * resources (queues, data actions, …) carry no division in the simulator, so everyone sees them.
 */
export interface Visibility {
  /** Undefined when every division is visible. */
  readonly divisionIds: ReadonlySet<string> | undefined;
  sees(flow: SimulatedFlow): boolean;
}

export const SEES_ALL: Visibility = { divisionIds: undefined, sees: () => true };

export function visibilityOf(principal: Principal): Visibility {
  if (principal.kind === 'client' || principal.person.allDivisions) return SEES_ALL;
  const divisionIds = new Set(principal.person.divisions.map((division) => division.id));
  return { divisionIds, sees: (flow) => divisionIds.has(flow.entity.division?.id ?? '') };
}

/** The api guard stores the request's principal in `res.locals`; routes read what it may see here. */
export function requestVisibility(res: Response): Visibility {
  const principal = res.locals.principal as Principal | undefined;
  return principal === undefined ? SEES_ALL : visibilityOf(principal);
}

/**
 * Drops the dependencies that are flows the token cannot see: dependency tracking answers for
 * what the caller may view, so a Sales architect's listing does not name a Home division flow.
 */
export function visibleDependencies<T extends Pick<GenesysDependency, 'id'>>(
  org: SimulatedOrg,
  dependencies: T[],
  visibility: Visibility,
): T[] {
  if (visibility.divisionIds === undefined) return dependencies;
  return dependencies.filter((dependency) => {
    const flow = org.flowsById.get(dependency.id);
    return flow === undefined || visibility.sees(flow);
  });
}
