import type { GraphNode, ResourceNode } from '../model/graph.js';
import type { ReferenceTarget } from '../model/reference.js';
import { compareStrings } from '../util/compare.js';
import { normaliseName } from './names.js';

export type ResourceTarget = Extract<ReferenceTarget, { kind: 'resource' }>;
type DynamicTarget = Extract<ReferenceTarget, { kind: 'dynamic' }>;

/**
 * Files define flows, not resources: a resource node is made the first time something uses it and
 * shared by every later reference to the same id, or to the same (type, category, name).
 */
export class ResourceTargets {
  private readonly byKey = new Map<string, ResourceNode>();
  /** Same, without the category: dependency tracking names a data action without its integration. */
  private readonly byTypeAndName = new Map<string, ResourceNode[]>();

  /** Whether the imported resource nodes are remembered yet: done on first use. */
  private indexed = false;

  constructor(private readonly nodes: Map<string, GraphNode>) {}

  /**
   * Remembers the resource nodes the importers made. Deferred because most files define none and
   * the graph may have 500k nodes to scan; run before this class adds a node, so it sees exactly
   * the imported ones.
   */
  private indexImported(): void {
    if (this.indexed) return;
    this.indexed = true;
    for (const node of this.nodes.values()) if (node.kind === 'resource') this.remember(node);
  }

  /**
   * Makes the nodes for all these targets at once, in an order of their own, so that which
   * sighting names a shared node (its id, spelling, category) does not depend on the order the
   * files were read: sightings with an id first (a node made from a name alone would otherwise
   * keep a `resource:` id that a later sighting by id could not reach), then by type, category,
   * name and id. Later `findOrCreate` calls for the same targets find these nodes.
   */
  settle(targets: readonly ResourceTarget[]): void {
    const sorted = targets.map((target) => ({ target, key: settleKey(target) })).sort((a, b) => compareStrings(a.key, b.key));
    for (const { target } of sorted) this.findOrCreate(target);
  }

  /** The node the target means, made when nothing has it yet; undefined when it has neither id nor name. */
  findOrCreate(target: ResourceTarget): ResourceNode | undefined {
    this.indexImported();
    const byId = target.id === undefined ? undefined : this.nodes.get(target.id);
    if (byId?.kind === 'resource') return this.markDeleted(byId, target);
    const key = target.name === undefined ? undefined : keyOf(target.rawType ?? target.type, target.category, target.name);
    const byName = key === undefined ? undefined : this.byKey.get(key);
    if (byName !== undefined) return this.markDeleted(byName, target);
    const loose = target.name === undefined ? undefined : this.withoutCategory(target, target.name);
    if (loose !== undefined) return this.markDeleted(loose, target);
    if (target.id === undefined && target.name === undefined) return undefined;

    const typeName = target.rawType ?? target.type;
    const scope = target.category === undefined ? '' : `${target.category}/`;
    const scopedName = `${scope}${target.name === undefined ? '' : normaliseName(target.name)}`;
    const node: ResourceNode = {
      kind: 'resource',
      id: target.id ?? `resource:${typeName}:${scopedName}`,
      name: target.name ?? target.id ?? '',
      type: target.type,
      // Seen only as something a flow uses: whether it exists is not known, unless tracking says deleted.
      state: target.deleted ? 'deleted' : 'unknown',
    };
    if (target.rawType !== undefined) node.rawType = target.rawType;
    if (target.category !== undefined) node.category = target.category;
    this.nodes.set(node.id, node);
    this.remember(node);
    return node;
  }

  /** One UNKNOWN node per (type, expression): `{exp: Task.Queue}` is shown as what it is. */
  dynamic(target: DynamicTarget): ResourceNode {
    this.indexImported();
    const id = `dynamic:${target.type}:${target.expression}`;
    const existing = this.nodes.get(id);
    if (existing?.kind === 'resource') return existing;
    const node: ResourceNode = {
      kind: 'resource',
      id,
      name: target.expression,
      type: 'UNKNOWN',
      // What the expression would name (QUEUE, FLOW, ...), for display.
      rawType: target.type,
      expression: target.expression,
      state: 'unknown',
    };
    this.nodes.set(id, node);
    return node;
  }

  private remember(node: ResourceNode): void {
    const type = node.rawType ?? node.type;
    const key = keyOf(type, node.category, node.name);
    if (!this.byKey.has(key)) this.byKey.set(key, node);
    const looseKey = keyOf(type, undefined, node.name);
    const list = this.byTypeAndName.get(looseKey);
    if (list === undefined) this.byTypeAndName.set(looseKey, [node]);
    else list.push(node);
  }

  /**
   * A category-less sighting matches the one node of that type and name; a sighting with a
   * category matches the one node that had none. Two candidates stay apart rather than guess.
   */
  private withoutCategory(target: ResourceTarget, name: string): ResourceNode | undefined {
    const candidates = this.byTypeAndName.get(keyOf(target.rawType ?? target.type, undefined, name)) ?? [];
    const open = target.category === undefined ? candidates : candidates.filter((node) => node.category === undefined);
    return open.length === 1 ? open[0] : undefined;
  }

  private markDeleted(node: ResourceNode, target: ResourceTarget): ResourceNode {
    // Dependency tracking knows a deletion; a name-only sighting did not know anything.
    if (target.deleted && node.state === 'unknown') node.state = 'deleted';
    return node;
  }
}

function settleKey(target: ResourceTarget): string {
  const parts = [
    target.id === undefined ? '1' : '0',
    target.rawType ?? target.type,
    target.category ?? '',
    target.name ?? '',
    target.id ?? '',
  ];
  return parts.join('\u0000');
}

function keyOf(type: string, category: string | undefined, name: string): string {
  return `${type}\u0000${category === undefined ? '' : normaliseName(category)}\u0000${normaliseName(name)}`;
}
