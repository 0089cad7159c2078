import type { FlowType } from '../../model/flow-types.js';
import { flowNameKey } from '../flow-names.js';

/** YAML carries no ids: a flow is known by its type and name, which Genesys keeps unique. */
export function yamlFlowId(type: FlowType, name: string): string {
  return `yaml:${type}:${flowNameKey(name)}`;
}

/** A flow whose name still holds a placeholder, known by its file (and its document, when a file holds several). */
export function templatedYamlFlowId(type: FlowType, name: string, file: string, documentIndex: number): string {
  return `${yamlFlowId(type, name)}@${file}${documentIndex > 0 ? `#${documentIndex + 1}` : ''}`;
}
