import type { FlowNode, GraphEdge, PublishState, StepNode } from './graph.js';

/** Look-ups by local step id answered by scanning the ids before a map of them is made. */
const INDEXED_LOOKUPS = 8;

/**
 * One flow's steps and the transitions between them, held as columns instead of one object per
 * step and per transition: a 500k-step org is otherwise 1.1M objects, 500k id strings and a map
 * entry per step, most of what importing and analysing it cost. An importer that knows every
 * step and transition of a flow belongs to that flow alone (the tutorial importer) writes these;
 * `stepNode` and `edgesOf` give the very objects it would otherwise have made, to code that wants
 * objects. Written once by the importer, then read only.
 */
export class FlowSteps {
  readonly flowId: string;
  /** Every step shares its flow's state and file (the tutorial says nothing per step). */
  readonly state: PublishState;
  readonly file: string | undefined;
  /** Step ids local to the flow (the graph id is `${flowId}:${stepId}`), in file order. */
  readonly stepIds: string[] = [];
  readonly types: string[] = [];
  /**
   * Step names, while the importer adds steps; then (`seal`) one string of them all and where each
   * ends. Half a million name strings kept alive through an import were most of what each
   * young-generation collection copied; one string per flow is not, and a name is cut out of it
   * when read (a finding's message, a step made an object).
   */
  #names: string[] | string = [];
  #nameEnds: Int32Array | undefined;
  /**
   * Transition `t` (below `transitionCount`) goes from step `from[t]` to step `to[t]` (local
   * positions), with `labels[t]`. Typed arrays: their contents live outside the collected heap, so
   * no collection copies 1.2M positions while a large org is imported.
   */
  from: Int32Array;
  to: Int32Array;
  transitionCount = 0;
  readonly labels: Array<string | undefined> = [];
  /** The step the flow starts at (its `contains` edge), -1 when it has none. */
  entry = -1;
  /**
   * Local step id -> position, made after `INDEXED_LOOKUPS` look-ups by id: linking looks up the
   * target of each cross-flow transition, often one or two per flow (`has`, then `get`). A map of
   * every step is ~7 KB per 250-step flow that outlives the import (14 MB on a 500k-step org, all
   * copied by the young-generation collections); a few scans of the ids cost less.
   */
  #positions: Map<string, number> | undefined;
  #lookups = 0;

  /** `transitions`: how many transitions the flow may have (room grows past it). */
  constructor(flow: FlowNode, transitions = 8) {
    this.flowId = flow.id;
    this.state = flow.state;
    this.file = flow.file;
    this.from = new Int32Array(Math.max(1, transitions));
    this.to = new Int32Array(Math.max(1, transitions));
  }

  get size(): number {
    return this.stepIds.length;
  }

  addStep(stepId: string, name: string, type: string): number {
    if (typeof this.#names === 'string') throw new Error(`flow ${this.flowId}: a step added after its steps were sealed`);
    this.stepIds.push(stepId);
    this.#names.push(name);
    this.types.push(type);
    return this.stepIds.length - 1;
  }

  /** The importer has added every step: the names are joined into one string (see `#names`). */
  seal(): void {
    const names = this.#names;
    if (typeof names === 'string') return;
    const ends = new Int32Array(names.length);
    let end = 0;
    for (let i = 0; i < names.length; i++) {
      end += (names[i] as string).length;
      ends[i] = end;
    }
    this.#names = names.join('');
    this.#nameEnds = ends;
  }

  /** The name of step `position`. */
  name(position: number): string {
    const names = this.#names;
    if (typeof names !== 'string') return names[position] as string;
    const ends = this.#nameEnds as Int32Array;
    return names.slice(position === 0 ? 0 : (ends[position - 1] as number), ends[position] as number);
  }

  addTransition(from: number, to: number, label: string | undefined): void {
    const t = this.transitionCount++;
    if (t === this.from.length) {
      this.from = grown(this.from);
      this.to = grown(this.to);
    }
    this.from[t] = from;
    this.to[t] = to;
    this.labels.push(label);
  }

  /** The position of a local step id, -1 when the flow has no such step. */
  positionOf(stepId: string): number {
    if (this.#positions === undefined && this.#lookups++ < INDEXED_LOOKUPS) return this.stepIds.indexOf(stepId);
    if (this.#positions === undefined) {
      this.#positions = new Map();
      for (let i = 0; i < this.stepIds.length; i++) this.#positions.set(this.stepIds[i] as string, i);
    }
    return this.#positions.get(stepId) ?? -1;
  }

  /** Graph ids made so far: ids are strings, the same whoever asks, so one per step is kept. */
  #nodeIds: string[] | undefined;
  /** `flowId:`, made once and shared by every id made (each one string joined to it, not two). */
  #idPrefix: string | undefined;

  /** The graph id of step `position`. */
  nodeId(position: number): string {
    this.#nodeIds ??= new Array<string>(this.stepIds.length);
    this.#idPrefix ??= `${this.flowId}:`;
    // biome-ignore lint/suspicious/noAssignInExpressions: a cache fill
    return (this.#nodeIds[position] ??= this.#idPrefix + (this.stepIds[position] as string));
  }

  /** Step `position` as the node object an importer would have made. */
  stepNode(position: number, id = this.nodeId(position)): StepNode {
    return {
      kind: 'step',
      id,
      name: this.name(position),
      state: this.state,
      file: this.file,
      flowId: this.flowId,
      stepId: this.stepIds[position] as string,
      type: this.types[position] as string,
    } as StepNode;
  }

  /** How many edges `edgesOf` gives: the transitions and the entry's `contains` edge. */
  get edgeCount(): number {
    return this.transitionCount + (this.entry >= 0 ? 1 : 0);
  }
}

/**
 * The flow's edges as objects, in the order the importer used to add them: its transitions, then
 * the `contains` edge to its entry step. `ids` gives each step's graph id (shared strings).
 */
export function edgesOf(steps: FlowSteps, ids: (position: number) => string): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (let t = 0; t < steps.transitionCount; t++) edges.push(transitionEdge(steps, t, ids));
  if (steps.entry >= 0) edges.push({ source: steps.flowId, target: ids(steps.entry), kind: 'contains' });
  return edges;
}

export function transitionEdge(steps: FlowSteps, t: number, ids: (position: number) => string): GraphEdge {
  const source = ids(steps.from[t] as number);
  const target = ids(steps.to[t] as number);
  const label = steps.labels[t];
  // Two literal shapes rather than adding `label` afterwards: one hidden class per shape.
  return label === undefined ? { source, target, kind: 'transition' } : { source, target, kind: 'transition', label };
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
