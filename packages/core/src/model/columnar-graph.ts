import { edgesOf, type FlowSteps } from './flow-steps.js';
import type { FlowGraph, GraphEdge, GraphNode, NodeLookup, StepNode } from './graph.js';

/** A column-held step: its flow's columns and its position in them. */
export interface StepAt {
  steps: FlowSteps;
  position: number;
}

/**
 * What a linked graph is made of when some flows' steps are held as columns (`FlowSteps`): the
 * nodes held as objects, the columns by flow, and the edges held as objects. The graph's node
 * order is `objects` with each columnar flow's steps right after the flow; its edge order is every
 * columnar flow's transitions and `contains` edge (flows in node order), then `objectEdges`.
 * The analysis index reads these directly; `FlowGraph.nodes` and `.edges` are made from them on
 * first read, for code that wants objects.
 */
export class GraphColumns {
  readonly objects: ReadonlyMap<string, GraphNode>;
  /** Set by linking once its edges are settled, before the graph is made. */
  objectEdges: readonly GraphEdge[] = [];
  /** Flow id -> its column-held steps, for flows in `objects`. */
  readonly steps: ReadonlyMap<string, FlowSteps>;
  readonly stepCount: number;
  readonly stepEdgeCount: number;
  /**
   * Per columnar flow, each step's node object once made: one object per step however often
   * asked, and per graph, since linking may mark a node (its template variables).
   */
  readonly #nodes = new Map<FlowSteps, StepNode[]>();

  constructor(objects: ReadonlyMap<string, GraphNode>, steps: ReadonlyMap<string, FlowSteps>) {
    this.objects = objects;
    this.steps = steps;
    let stepCount = 0;
    let stepEdgeCount = 0;
    for (const table of steps.values()) {
      stepCount += table.size;
      stepEdgeCount += table.edgeCount;
    }
    this.stepCount = stepCount;
    this.stepEdgeCount = stepEdgeCount;
  }

  /** A column-held step as an object (the same object every time). */
  stepNode(steps: FlowSteps, position: number): StepNode {
    let nodes = this.#nodes.get(steps);
    if (nodes === undefined) {
      nodes = new Array<StepNode>(steps.size);
      this.#nodes.set(steps, nodes);
    }
    // biome-ignore lint/suspicious/noAssignInExpressions: a cache fill
    return (nodes[position] ??= steps.stepNode(position, steps.nodeId(position)));
  }

  /**
   * Where a graph id is held when it is a column-held step's, else undefined. A flow id may hold
   * `:` itself, so each `:` is tried as the split (linking makes sure only one can match).
   */
  findStep(id: string): StepAt | undefined {
    for (let at = id.indexOf(':'); at >= 0; at = id.indexOf(':', at + 1)) {
      const steps = this.steps.get(id.slice(0, at));
      if (steps === undefined) continue;
      const position = steps.positionOf(id.slice(at + 1));
      if (position >= 0) return { steps, position };
    }
    return undefined;
  }

  /** A node by id, held either way (a column-held step made an object). */
  get(id: string): GraphNode | undefined {
    const node = this.objects.get(id);
    if (node !== undefined) return node;
    const step = this.findStep(id);
    return step === undefined ? undefined : this.stepNode(step.steps, step.position);
  }

  has(id: string): boolean {
    return this.objects.has(id) || this.findStep(id) !== undefined;
  }

  /** Every node as an object, in graph order. */
  allNodes(): Map<string, GraphNode> {
    const nodes = new Map<string, GraphNode>();
    for (const [id, node] of this.objects) {
      nodes.set(id, node);
      const steps = node.kind === 'flow' ? this.steps.get(id) : undefined;
      if (steps === undefined) continue;
      for (let position = 0; position < steps.size; position++) {
        const step = this.stepNode(steps, position);
        nodes.set(step.id, step);
      }
    }
    return nodes;
  }

  /** Every edge as an object, in graph order. */
  allEdges(): GraphEdge[] {
    const edges: GraphEdge[] = [];
    for (const steps of this.columnarFlows()) {
      for (const edge of edgesOf(steps, (position) => steps.nodeId(position))) edges.push(edge);
    }
    for (const edge of this.objectEdges) edges.push(edge);
    return edges;
  }

  /** The columnar flows' steps, in node order. */
  *columnarFlows(): Generator<FlowSteps> {
    for (const [id, node] of this.objects) {
      const steps = node.kind === 'flow' ? this.steps.get(id) : undefined;
      if (steps !== undefined) yield steps;
    }
  }
}

const columnsByGraph = new WeakMap<FlowGraph, GraphColumns>();

/**
 * A graph over these columns. `nodes` and `edges` are made on first read and kept; a copy of the
 * graph (`{ ...graph }`) has plain objects and no columns. Assigning either drops the columns,
 * since they no longer describe the graph.
 */
export function columnarGraph(columns: GraphColumns): FlowGraph {
  let nodes: Map<string, GraphNode> | undefined;
  let edges: GraphEdge[] | undefined;
  const graph = {} as FlowGraph;
  Object.defineProperties(graph, {
    nodes: {
      enumerable: true,
      get: () => {
        nodes ??= columns.allNodes();
        return nodes;
      },
      set: (value: Map<string, GraphNode>) => {
        nodes = value;
        columnsByGraph.delete(graph);
      },
    },
    edges: {
      enumerable: true,
      get: () => {
        edges ??= columns.allEdges();
        return edges;
      },
      set: (value: GraphEdge[]) => {
        edges = value;
        columnsByGraph.delete(graph);
      },
    },
  });
  columnsByGraph.set(graph, columns);
  return graph;
}

/** The columns a linked graph was made of, or undefined for a graph of objects only. */
export function columnsOf(graph: FlowGraph): GraphColumns | undefined {
  return columnsByGraph.get(graph);
}

/** How many nodes the graph has, without making column-held steps objects. */
export function nodeCount(graph: FlowGraph): number {
  const columns = columnsOf(graph);
  return columns === undefined ? graph.nodes.size : columns.objects.size + columns.stepCount;
}

/** Nodes by id, a column-held step made an object only when asked for (where `graph.nodes` makes every one). */
export function nodeLookup(graph: FlowGraph): NodeLookup {
  return columnsOf(graph) ?? graph.nodes;
}

/** Every node but the column-held steps: flows, resources and steps held as objects, in graph order. */
export function objectNodes(graph: FlowGraph): Iterable<GraphNode> {
  return (columnsOf(graph)?.objects ?? graph.nodes).values();
}
