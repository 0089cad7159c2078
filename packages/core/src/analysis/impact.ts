import { ENTRY_FLOW_TYPES } from '../model/flow-types.js';
import type { GraphNode } from '../model/graph.js';
import { compareStrings } from '../util/compare.js';
import type { AnalysisContext } from './context.js';
import { UnknownNodeError } from './errors/unknown-node.js';
import type { GraphIndex } from './graph-index.js';
import type { Impact, ImpactEntry } from './result.js';
import { type BfsResult, breadthFirst } from './traversal.js';

export interface ImpactOptions {
  /** `down`: what the node reaches; `up`: what reaches it (what breaks if it changes). Default `both`. */
  direction?: 'down' | 'up' | 'both';
  /** Hops to follow; unlimited by default. */
  maxDepth?: number;
  /** Which reached nodes to list; traversal still passes through the others. */
  include?: (node: GraphNode) => boolean;
}

/**
 * Everything downstream and upstream of one node, with depth and one shortest path each:
 * one BFS per direction, O(V + E). Paths are built only when read (a lazy `path` property),
 * because writing them all out costs O(V x depth), quadratic on a long chain.
 * `entryFlows` are the entry flows (inbound, outbound, messaging) that reach the node at any
 * depth, the node itself included, whatever `direction`, `maxDepth` and `include` say.
 * The context's index is built once, so repeated queries (the server's) cost one BFS each.
 */
export function impact(context: AnalysisContext, nodeId: string, options: ImpactOptions = {}): Impact {
  const { index } = context;
  const start = index.indexOf.get(nodeId);
  if (start === undefined) throw new UnknownNodeError(nodeId, 'impact');
  const direction = options.direction ?? 'both';
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const include = options.include ?? (() => true);

  const down = direction === 'up' ? undefined : breadthFirst(index, start, 'out', maxDepth);
  const up = direction === 'down' ? undefined : breadthFirst(index, start, 'in', maxDepth);
  const everythingUp = up !== undefined && maxDepth === Number.POSITIVE_INFINITY ? up : breadthFirst(index, start, 'in');

  return {
    node: nodeId,
    downstream: down === undefined ? [] : entries(index, down, include, 'down'),
    upstream: up === undefined ? [] : entries(index, up, include, 'up'),
    entryFlows: entryFlows(index, everythingUp),
  };
}

function entries(index: GraphIndex, bfs: BfsResult, include: (node: GraphNode) => boolean, direction: 'down' | 'up'): ImpactEntry[] {
  const listed: ImpactEntry[] = [];
  for (let i = 1; i < bfs.order.length; i++) {
    const node = bfs.order[i] as number;
    const id = index.id(node);
    if (!include(index.node(node))) continue;
    listed.push(lazyEntry(id, bfs.depth[node] as number, () => pathOf(index, bfs, node, direction)));
  }
  return listed.sort((a, b) => a.depth - b.depth || compareStrings(a.id, b.id));
}

/** Parent pointers lead back to the queried node: reversed for downstream, as-is for upstream. */
function pathOf(index: GraphIndex, bfs: BfsResult, node: number, direction: 'down' | 'up'): string[] {
  const path: string[] = [];
  for (let at = node; at !== -1; at = bfs.parent[at] as number) path.push(index.id(at));
  return direction === 'down' ? path.reverse() : path;
}

function lazyEntry(id: string, depth: number, buildPath: () => string[]): ImpactEntry {
  let path: string[] | undefined;
  // Enumerable, so JSON, spreading and structured clone still see `path`.
  return Object.defineProperty({ id, depth }, 'path', {
    enumerable: true,
    get: () => {
      path ??= buildPath();
      return path;
    },
  }) as ImpactEntry;
}

function entryFlows(index: GraphIndex, up: BfsResult): string[] {
  const flows: string[] = [];
  for (const node of up.order) {
    const found = index.node(node);
    if (found.kind === 'flow' && ENTRY_FLOW_TYPES.has(found.type)) flows.push(index.id(node));
  }
  return flows.sort(compareStrings);
}
