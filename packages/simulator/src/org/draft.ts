import type { FlowFamily } from './flow-kinds.js';
import type { SimulatedReference } from './types.js';

/** A flow while the org is being generated, before its API entity is built. */
export interface FlowDraft {
  index: number;
  id: string;
  name: string;
  type: string;
  family: FlowFamily;
  templateIndex: number;
  /** What the published (or only) version consumes: template slots first, then injected. */
  references: SimulatedReference[];
  deleted: boolean;
  /** Reserved for a planted problem: never picked as a random target. */
  reserved: boolean;
}
