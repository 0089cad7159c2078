import type { FlowType } from '../../model/flow-types.js';
import { flowNameKey } from '../flow-names.js';

/** YAML carries no ids: a flow is known by its type and name, which Genesys keeps unique. */
export function yamlFlowId(type: FlowType, name: string): string {
  return `yaml:${type}:${flowNameKey(name)}`;
}
