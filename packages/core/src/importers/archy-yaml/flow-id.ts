import type { FlowType } from '../../model/flow-types.js';

/**
 * A flow name as part of an id: trimmed, runs of spaces collapsed and case folded, so the same flow
 * written with other spacing or case gets one id. Linking's `normaliseName` keeps inner spaces.
 */
export function flowNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** YAML carries no ids: a flow is known by its type and name, which Genesys keeps unique. */
export function yamlFlowId(type: FlowType, name: string): string {
  return `yaml:${type}:${flowNameKey(name)}`;
}
