import type { FlowType } from '../../model/flow-types.js';

/** Names compare trimmed, with runs of spaces collapsed and case folded, as the linking stage does. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** YAML carries no ids: a flow is known by its type and name, which Genesys keeps unique. */
export function yamlFlowId(type: FlowType, name: string): string {
  return `yaml:${type}:${normaliseName(name)}`;
}
