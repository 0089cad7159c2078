import type { FlowGraph, GraphNode, NodeLookup } from '../model/graph.js';
import { type CyclePaths, type FoundCycles, findCycles } from './cycles.js';
import { buildGraphIndex, type GraphIndex } from './graph-index.js';
import { projectToOrg } from './org-projection.js';
import type { Cycle } from './result.js';

/**
 * One graph and what the algorithms derive from it, each built once and only when first read:
 * the integer index, the org projection (a context of its own) and the cycles. Every algorithm
 * takes a context, so none rebuilds what another already built and none needs an optional
 * "already built" parameter. A context is for one graph that no longer changes.
 */
export class AnalysisContext {
  readonly graph: FlowGraph;
  #index: GraphIndex | undefined;
  #org: AnalysisContext | undefined;
  #cycles: FoundCycles | undefined;
  #nodes: NodeLookup | undefined;

  constructor(graph: FlowGraph) {
    this.graph = graph;
  }

  /**
   * The graph's nodes by id, through the index: a step held as a column is made an object only
   * when asked for, where `graph.nodes` would make every one.
   */
  get nodes(): NodeLookup {
    if (this.#nodes === undefined) {
      const index = this.index;
      this.#nodes = {
        get: (id: string): GraphNode | undefined => {
          const at = index.position(id);
          return at < 0 ? undefined : index.node(at);
        },
        has: (id: string): boolean => index.position(id) >= 0,
      };
    }
    return this.#nodes;
  }

  /** Integer adjacency of `graph` (graph-index.ts). */
  get index(): GraphIndex {
    this.#index ??= buildGraphIndex(this.graph);
    return this.#index;
  }

  /** Flows and resources only, step `uses` lifted to their flow (org-projection.ts). */
  get org(): AnalysisContext {
    this.#org ??= new AnalysisContext(projectToOrg(this));
    return this.#org;
  }

  /** Org cycles, then flow loops (cycles.ts). */
  get cycles(): readonly Cycle[] {
    return this.#foundCycles().cycles;
  }

  /**
   * The positions in `index` of the nodes along each flow loop's `path`, slot for slot with
   * `cycles`, so that findings name 50,000 menu loops without looking every path id up again;
   * none for org cycles, which are few and found on the org projection's index.
   */
  get cyclePaths(): CyclePaths {
    return this.#foundCycles().paths;
  }

  #foundCycles(): FoundCycles {
    this.#cycles ??= findCycles(this);
    return this.#cycles;
  }
}
