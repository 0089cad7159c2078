import type { FlowType } from './flow-types.js';
import type { ResourceType } from './resource-types.js';

/**
 * A reference an importer found but cannot turn into an edge alone, because its target is
 * named (YAML names flows only by name) or lives in another file. The linking stage resolves
 * every reference against everything imported together.
 */
export type ReferenceTarget =
  | {
      kind: 'flow';
      id?: string;
      name?: string;
      /** Compatible flow types, most likely first; empty means any. */
      types: FlowType[];
      /** Set by dependency tracking: the object no longer exists. */
      deleted?: boolean;
    }
  | {
      kind: 'resource';
      type: ResourceType;
      /** The dependency-tracking type name when `type` is OTHER. */
      rawType?: string;
      id?: string;
      name?: string;
      /** Data action integration category. */
      category?: string;
      deleted?: boolean;
    }
  | {
      /** Named only by a runtime expression: becomes an UNKNOWN resource node, shown as such. */
      kind: 'dynamic';
      /** What it would be (QUEUE for `targetQueue: {exp: …}`), or a flow reference. */
      type: ResourceType | 'FLOW';
      expression: string;
    };

export interface Reference {
  /** The referring node: a flow id or a step id. */
  from: string;
  /** The action that makes the reference: callCommonModule, transferToFlow, callData, ... */
  via: string;
  target: ReferenceTarget;
  /** Template placeholders (`{{name}}`, `${name}`) the target name still contains after substitution. */
  templateVariables?: string[];
  file?: string;
  /** Where in the file (YAML path / JSON path). */
  field?: string;
  /**
   * The target must exist in some imported file (a tutorial transition to another flow's node):
   * unresolved, it is a dangling-reference error instead of an external "missing" node.
   */
  mustResolve?: boolean;
}
