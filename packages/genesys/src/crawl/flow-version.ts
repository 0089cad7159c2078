import { FLOW_TYPE_TO_DEPENDENCY_TYPE, type GenesysFlow, type GenesysFlowVersion } from '@flowgraph/core';

/**
 * The version whose dependencies describe the flow: the published one (what runs), else the
 * most recent draft, saved or checked in, so unpublished flows still show their references.
 */
export function versionToCrawl(flow: GenesysFlow): GenesysFlowVersion | undefined {
  if (flow.publishedVersion) return flow.publishedVersion;
  const saved = flow.savedVersion;
  const checkedIn = flow.checkedInVersion;
  if (saved && checkedIn) {
    return (checkedIn.dateCheckedIn ?? 0) > (saved.dateSaved ?? 0) ? checkedIn : saved;
  }
  return saved ?? checkedIn;
}

/** `INBOUNDCALL` -> `INBOUNDCALLFLOW` (Terraform's map); undefined for a type it lacks. */
export function dependencyTypeOf(flow: GenesysFlow): string | undefined {
  const type = flow.type.toUpperCase();
  return Object.hasOwn(FLOW_TYPE_TO_DEPENDENCY_TYPE, type)
    ? FLOW_TYPE_TO_DEPENDENCY_TYPE[type as keyof typeof FLOW_TYPE_TO_DEPENDENCY_TYPE]
    : undefined;
}
