import type { FlowType } from '../model/flow-types.js';
import type { FlowNode, GraphNode, NodeLookup } from '../model/graph.js';
import type { ReferenceTarget } from '../model/reference.js';
import { compareStrings } from '../util/compare.js';
import { normaliseName } from './names.js';

export type FlowTarget = Extract<ReferenceTarget, { kind: 'flow' }>;

/** Finds the flows a flow reference means: by id when the id exists, else by name and compatible type. */
export class FlowTargets {
  private readonly byName = new Map<string, FlowNode[]>();
  /** External ("missing") flows already made, so every reference to the same thing shares one. */
  private readonly externalByName = new Map<string, FlowNode>();

  /** Whether `byName` holds the imported flows yet: made on the first look-up by name. */
  private indexed = false;

  constructor(
    private readonly nodes: Map<string, GraphNode>,
    /** Every node by id, column-held steps included (a transition to `otherFlowId:nodeId` names one). */
    private readonly lookup: NodeLookup = nodes,
  ) {}

  /**
   * Indexes the flows by name. Deferred because references by id (tutorial transitions, snapshots)
   * need no name index and the graph may have 500k nodes to scan; run before `external` adds a
   * node, so it sees exactly the imported flows.
   */
  private indexNames(): void {
    if (this.indexed) return;
    this.indexed = true;
    for (const node of this.nodes.values()) {
      // A name still templated (`{{flow_name}}`) names no flow yet: nothing resolves to it.
      if (node.kind !== 'flow' || (node.templateVariables?.length ?? 0) > 0) continue;
      const key = normaliseName(node.name);
      const list = this.byName.get(key);
      if (list === undefined) this.byName.set(key, [node]);
      else list.push(node);
    }
  }

  /** Ids of the existing nodes the target means: none, one, or several (ambiguous). */
  find(target: FlowTarget): string[] {
    if (target.id !== undefined && this.lookup.has(target.id)) return [target.id];
    if (target.name === undefined) return [];
    this.indexNames();
    const candidates = this.byName.get(normaliseName(target.name));
    if (candidates === undefined) return [];
    if (target.types.length === 0) return candidates.map((flow) => flow.id);
    // The most likely type that has any match wins (a transfer tries inbound call flows first);
    // flows whose file did not say their type (UNKNOWN) are compatible with anything, last.
    for (const type of [...target.types, 'UNKNOWN' as FlowType]) {
      const matches = candidates.filter((flow) => flow.type === type);
      if (matches.length > 0) return byId(matches).map((flow) => flow.id);
    }
    return [];
  }

  node(id: string): GraphNode {
    return this.lookup.get(id)!;
  }

  /**
   * Makes the external nodes for these targets (ones nothing imported defines) at once, in an order
   * of their own, so which reference gives a shared node its id, spelling and type does not depend
   * on the order the files were read: references with an id first, then by name, types and id.
   */
  settle(targets: readonly FlowTarget[]): void {
    const keyed = targets.map((target) => ({ target, key: settleKey(target) }));
    for (const { target } of keyed.sort((a, b) => compareStrings(a.key, b.key))) this.external(target);
  }

  /** The shared external node for a target nothing imported defines. */
  external(target: FlowTarget): FlowNode {
    this.indexNames();
    const nameKey = target.name === undefined ? undefined : normaliseName(target.name);
    const id = target.id ?? `missing:flow:${nameKey ?? ''}`;
    const existing = this.nodes.get(id) ?? (nameKey === undefined ? undefined : this.externalByName.get(nameKey));
    if (existing?.kind === 'flow') return existing;
    const node: FlowNode = {
      kind: 'flow',
      id,
      name: target.name ?? target.id ?? id,
      type: target.types[0] ?? 'UNKNOWN',
      state: target.deleted ? 'deleted' : 'missing',
      versions: {},
      hasOrgId: target.id !== undefined,
    };
    this.nodes.set(id, node);
    if (nameKey !== undefined) this.externalByName.set(nameKey, node);
    return node;
  }
}

function settleKey(target: FlowTarget): string {
  return [target.id === undefined ? '1' : '0', target.name ?? '', target.types.join(','), target.id ?? '', target.deleted ? '1' : '0'].join(
    '\u0000',
  );
}

/**
 * Every candidate stays (an ambiguous name is flagged, never silently picked, even when one
 * candidate is spelt exactly as the reference: Architect itself refuses two such names in one
 * type); sorted by id so the edges do not follow the order the files were read in.
 */
function byId(matches: readonly FlowNode[]): FlowNode[] {
  return [...matches].sort((a, b) => compareStrings(a.id, b.id));
}
