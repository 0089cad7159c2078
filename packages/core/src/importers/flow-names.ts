import { type FlowType, isFlowType } from '../model/flow-types.js';

/**
 * A flow name as part of an id: trimmed, runs of spaces collapsed and case folded, so the same flow
 * written with other spacing or case gets one id. Linking's `normaliseName` keeps inner spaces.
 */
export function flowNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** `commonmodule`, `inboundcall`, `botFlow`, `COMMONMODULEFLOW` → FlowType. */
export function flowTypeOfName(type: string | undefined): FlowType | undefined {
  if (type === undefined) return undefined;
  const upper = type.toUpperCase();
  if (isFlowType(upper)) return upper;
  const stripped = upper.replace(/FLOW$/, '');
  return isFlowType(stripped) ? stripped : undefined;
}
