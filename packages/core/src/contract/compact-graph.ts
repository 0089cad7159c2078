import { z } from 'zod';
import { EDGE_KINDS, NODE_KINDS, PUBLISH_STATES } from '../model/graph.js';
import {
  type Cycle,
  type Finding,
  findingCodeSchema,
  importErrorSchema,
  importWarningSchema,
  severitySchema,
  summarySchema,
} from './analysis.js';
import type { EdgeRoute, ExportEdge, ExportNode, Point } from './graph.js';
import { type GraphResponse, graphResponseSchema } from './http.js';

/**
 * The wire form of `GET /api/graph`: the same answer as `GraphResponse`, column by column. An id is
 * written once, in `ids`, and everything else (edges, positions, routes, cycles, waves, findings)
 * names a node by its index there; a field whose values repeat (kind, type, state, file, via) is a
 * small table of its distinct values plus one code per row. At 10,000 demo flows this is a fifth of
 * the object form before compression. `decodeGraphResponse` turns it back into `GraphResponse`.
 */
export const COMPACT_GRAPH_FORMAT = 'flowgraph.compact-graph/1';

const index = z.number().int().min(0);
/** A code into `values`; -1 where the row has no value (an optional field). */
const codedColumn = z.object({ values: z.array(z.string()), codes: z.array(z.number().int().min(-1)) });
type CodedColumn = z.infer<typeof codedColumn>;

export const compactGraphResponseSchema = z.object({
  format: z.literal(COMPACT_GRAPH_FORMAT),
  source: graphResponseSchema.shape.source,
  /** Every id the answer names: the graph's nodes first (node i is `ids[i]`), then ids only the analysis or layout names. */
  ids: z.array(z.string()),
  nodes: z.object({
    count: index,
    name: z.array(z.string()),
    kind: codedColumn,
    type: codedColumn,
    state: codedColumn,
    /** Steps only: index of the flow's id. */
    flowId: z.array(z.number().int().min(-1)).optional(),
    file: codedColumn,
    /** Nodes defined by several files: node index and codes into `file.values`. */
    files: z.array(z.tuple([index, z.array(index)])).optional(),
  }),
  edges: z.object({
    source: z.array(index),
    target: z.array(index),
    kind: codedColumn,
    via: codedColumn,
    label: codedColumn,
    /** Indices of the edges flagged `ambiguous`. */
    ambiguous: z.array(index),
  }),
  layout: z.object({
    width: z.number(),
    height: z.number(),
    /** Centre of `ids[i]`; null where the layout places no such id. */
    x: z.array(z.number().nullable()),
    y: z.array(z.number().nullable()),
    routes: z.object({
      source: z.array(index),
      target: z.array(index),
      /** Each route's bends as x0, y0, x1, y1, … */
      points: z.array(z.array(z.number())),
    }),
  }),
  analysis: z.object({
    summary: summarySchema,
    cycles: z.array(
      z.object({
        scope: z.enum(['flow', 'org']),
        members: z.array(index).min(1),
        path: z.array(index).min(2),
        cut: z.tuple([index, index]),
        flowId: index.optional(),
      }),
    ),
    /** `order` is not sent: it is `waves` flattened. */
    deployment: z.object({
      waves: z.array(z.array(index)),
      groups: z.array(z.array(index)),
      blocked: z.boolean(),
      dynamic: z.array(index),
    }),
    findings: z.array(
      z.object({
        code: findingCodeSchema,
        severity: severitySchema,
        subject: index,
        message: z.string(),
        related: z.array(index).optional(),
      }),
    ),
    errors: z.array(importErrorSchema),
    warnings: z.array(importWarningSchema),
  }),
});
export type CompactGraphResponse = z.infer<typeof compactGraphResponseSchema>;

/** `GraphResponse` to its wire form. */
export function encodeGraphResponse(response: GraphResponse): CompactGraphResponse {
  const { graph, layout, analysis } = response;
  const ids = new IdTable(graph.nodes.map((node) => node.id));
  const nodeCount = graph.nodes.length;
  const file = new ColumnEncoder();
  const flowIds = graph.nodes.map((node) => (node.flowId === undefined ? -1 : ids.of(node.flowId)));
  const files: [number, number[]][] = [];
  graph.nodes.forEach((node, i) => {
    if (node.files !== undefined) files.push([i, node.files.map((name) => file.intern(name))]);
  });
  const nodes: CompactGraphResponse['nodes'] = {
    count: nodeCount,
    name: graph.nodes.map((node) => node.name),
    kind: encodeColumn(graph.nodes, (node) => node.kind),
    type: encodeColumn(graph.nodes, (node) => node.type),
    state: encodeColumn(graph.nodes, (node) => node.state),
    file: file.column(graph.nodes, (node) => node.file),
  };
  if (flowIds.some((code) => code >= 0)) nodes.flowId = flowIds;
  if (files.length > 0) nodes.files = files;

  const edges: CompactGraphResponse['edges'] = {
    source: graph.edges.map((edge) => ids.of(edge.source)),
    target: graph.edges.map((edge) => ids.of(edge.target)),
    kind: encodeColumn(graph.edges, (edge) => edge.kind),
    via: encodeColumn(graph.edges, (edge) => edge.via),
    label: encodeColumn(graph.edges, (edge) => edge.label),
    ambiguous: graph.edges.flatMap((edge, i) => (edge.ambiguous ? [i] : [])),
  };

  const compactAnalysis: CompactGraphResponse['analysis'] = {
    summary: analysis.summary,
    cycles: analysis.cycles.map((cycle) => ({
      scope: cycle.scope,
      members: ids.list(cycle.members),
      path: ids.list(cycle.path),
      cut: [ids.of(cycle.cut.source), ids.of(cycle.cut.target)],
      ...(cycle.flowId === undefined ? {} : { flowId: ids.of(cycle.flowId) }),
    })),
    deployment: {
      waves: analysis.deployment.waves.map((wave) => ids.list(wave)),
      groups: analysis.deployment.groups.map((group) => ids.list(group)),
      blocked: analysis.deployment.blocked,
      dynamic: ids.list(analysis.deployment.dynamic),
    },
    findings: analysis.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      subject: ids.of(finding.subject),
      message: finding.message,
      ...(finding.related === undefined ? {} : { related: ids.list(finding.related) }),
    })),
    errors: analysis.errors,
    warnings: analysis.warnings,
  };

  const routes = {
    source: layout.routes.map((route) => ids.of(route.source)),
    target: layout.routes.map((route) => ids.of(route.target)),
    points: layout.routes.map((route) => route.points.flatMap((point) => [point.x, point.y])),
  };
  // Last: a positioned id the graph lacks joins the table here, and x / y cover the whole table.
  for (const id of Object.keys(layout.positions)) ids.of(id);
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  for (const id of ids.all) {
    const point = Object.hasOwn(layout.positions, id) ? layout.positions[id] : undefined;
    x.push(point?.x ?? null);
    y.push(point?.y ?? null);
  }
  return {
    format: COMPACT_GRAPH_FORMAT,
    source: response.source,
    ids: ids.all,
    nodes,
    edges,
    layout: { width: layout.width, height: layout.height, x, y, routes },
    analysis: compactAnalysis,
  };
}

/** The wire form back to `GraphResponse`; an index or code out of range is an error naming the field. */
export function decodeGraphResponse(compact: CompactGraphResponse): GraphResponse {
  const { ids, nodes: columns, edges: edgeColumns, layout: compactLayout, analysis: compactAnalysis } = compact;
  const id = (at: number, field: string): string => {
    const value = ids[at];
    if (value === undefined) throw new CompactGraphError(`${field}: index ${at} is not in ids (${ids.length} ids)`);
    return value;
  };
  const idList = (list: readonly number[], field: string): string[] => list.map((at, i) => id(at, `${field}[${i}]`));
  if (columns.count > ids.length) throw new CompactGraphError(`nodes.count: ${columns.count} nodes but ${ids.length} ids`);
  for (const [field, length] of [
    ['nodes.name', columns.name.length],
    ['nodes.kind', columns.kind.codes.length],
    ['nodes.type', columns.type.codes.length],
    ['nodes.state', columns.state.codes.length],
    ['nodes.file', columns.file.codes.length],
    ['nodes.flowId', columns.flowId?.length ?? columns.count],
  ] as const) {
    if (length !== columns.count) throw new CompactGraphError(`${field}: ${length} values for ${columns.count} nodes`);
  }

  const kind = decodeColumn(columns.kind, 'nodes.kind', NODE_KINDS);
  const type = decodeColumn(columns.type, 'nodes.type');
  const state = decodeColumn(columns.state, 'nodes.state', PUBLISH_STATES);
  const file = decodeColumn(columns.file, 'nodes.file');
  const nodes: ExportNode[] = [];
  for (let i = 0; i < columns.count; i++) {
    const node: ExportNode = {
      id: id(i, 'ids'),
      kind: required(kind(i), 'nodes.kind', i),
      type: required(type(i), 'nodes.type', i),
      name: columns.name[i] ?? '',
      state: required(state(i), 'nodes.state', i),
    };
    const flowAt = columns.flowId?.[i] ?? -1;
    if (flowAt >= 0) node.flowId = id(flowAt, `nodes.flowId[${i}]`);
    const fileName = file(i);
    if (fileName !== undefined) node.file = fileName;
    nodes.push(node);
  }
  for (const [at, codes] of columns.files ?? []) {
    const node = nodes[at];
    if (node === undefined) throw new CompactGraphError(`nodes.files: node ${at} is not a node`);
    node.files = codes.map((code) => required(columns.file.values[code], 'nodes.files', at));
  }

  const edgeCount = edgeColumns.source.length;
  for (const [field, length] of [
    ['edges.target', edgeColumns.target.length],
    ['edges.kind', edgeColumns.kind.codes.length],
    ['edges.via', edgeColumns.via.codes.length],
    ['edges.label', edgeColumns.label.codes.length],
  ] as const) {
    if (length !== edgeCount) throw new CompactGraphError(`${field}: ${length} values for ${edgeCount} edges`);
  }
  const edgeKind = decodeColumn(edgeColumns.kind, 'edges.kind', EDGE_KINDS);
  const via = decodeColumn(edgeColumns.via, 'edges.via');
  const label = decodeColumn(edgeColumns.label, 'edges.label');
  const edges: ExportEdge[] = [];
  for (let i = 0; i < edgeCount; i++) {
    const edge: ExportEdge = {
      source: id(edgeColumns.source[i] ?? -1, `edges.source[${i}]`),
      target: id(edgeColumns.target[i] ?? -1, `edges.target[${i}]`),
      kind: required(edgeKind(i), 'edges.kind', i),
    };
    const viaName = via(i);
    if (viaName !== undefined) edge.via = viaName;
    const labelName = label(i);
    if (labelName !== undefined) edge.label = labelName;
    edges.push(edge);
  }
  for (const at of edgeColumns.ambiguous) {
    const edge = edges[at];
    if (edge === undefined) throw new CompactGraphError(`edges.ambiguous: edge ${at} is not an edge`);
    edge.ambiguous = true;
  }

  const positions: Record<string, Point> = {};
  ids.forEach((nodeId, i) => {
    const x = compactLayout.x[i];
    const y = compactLayout.y[i];
    if (x !== null && x !== undefined && y !== null && y !== undefined) positions[nodeId] = { x, y };
  });
  const routes: EdgeRoute[] = compactLayout.routes.source.map((sourceAt, i) => {
    const flat = compactLayout.routes.points[i] ?? [];
    const points: Point[] = [];
    for (let at = 0; at + 1 < flat.length; at += 2) points.push({ x: flat[at] ?? 0, y: flat[at + 1] ?? 0 });
    return {
      source: id(sourceAt, `layout.routes.source[${i}]`),
      target: id(compactLayout.routes.target[i] ?? -1, `layout.routes.target[${i}]`),
      points,
    };
  });

  const cycles: Cycle[] = compactAnalysis.cycles.map((cycle, i) => ({
    scope: cycle.scope,
    members: idList(cycle.members, `analysis.cycles[${i}].members`),
    path: idList(cycle.path, `analysis.cycles[${i}].path`),
    cut: { source: id(cycle.cut[0], `analysis.cycles[${i}].cut`), target: id(cycle.cut[1], `analysis.cycles[${i}].cut`) },
    ...(cycle.flowId === undefined ? {} : { flowId: id(cycle.flowId, `analysis.cycles[${i}].flowId`) }),
  }));
  const waves = compactAnalysis.deployment.waves.map((wave, i) => idList(wave, `analysis.deployment.waves[${i}]`));
  const findings: Finding[] = compactAnalysis.findings.map((finding, i) => ({
    code: finding.code,
    severity: finding.severity,
    subject: id(finding.subject, `analysis.findings[${i}].subject`),
    message: finding.message,
    ...(finding.related === undefined ? {} : { related: idList(finding.related, `analysis.findings[${i}].related`) }),
  }));
  return {
    source: compact.source,
    graph: { nodes, edges },
    analysis: {
      summary: compactAnalysis.summary,
      cycles,
      deployment: {
        waves,
        order: waves.flat(),
        groups: compactAnalysis.deployment.groups.map((group, i) => idList(group, `analysis.deployment.groups[${i}]`)),
        blocked: compactAnalysis.deployment.blocked,
        dynamic: idList(compactAnalysis.deployment.dynamic, 'analysis.deployment.dynamic'),
      },
      findings,
      errors: compactAnalysis.errors,
      warnings: compactAnalysis.warnings,
    },
    layout: { positions, width: compactLayout.width, height: compactLayout.height, routes },
  };
}

/** A body of `/api/graph` checked against the wire schema and decoded: what a client of the API calls. */
export function parseGraphResponse(body: unknown): GraphResponse {
  return decodeGraphResponse(compactGraphResponseSchema.parse(body));
}

/** The wire form is well-typed but inconsistent: an index past the table, a column of the wrong length. */
export class CompactGraphError extends Error {
  constructor(detail: string) {
    super(`Malformed compact graph answer: ${detail}`);
    this.name = 'CompactGraphError';
  }
}

class IdTable {
  readonly all: string[];
  readonly #index = new Map<string, number>();

  constructor(first: readonly string[]) {
    this.all = [];
    for (const id of first) this.of(id);
  }

  of(id: string): number {
    let at = this.#index.get(id);
    if (at === undefined) {
      at = this.all.length;
      this.all.push(id);
      this.#index.set(id, at);
    }
    return at;
  }

  list(ids: readonly string[]): number[] {
    return ids.map((id) => this.of(id));
  }
}

/** Distinct values in first-seen order; shared when two fields draw on one table (a node's `file` and `files`). */
class ColumnEncoder {
  readonly #values: string[] = [];
  readonly #codes = new Map<string, number>();

  intern(value: string): number {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.#values.length;
      this.#values.push(value);
      this.#codes.set(value, code);
    }
    return code;
  }

  column<T>(rows: readonly T[], read: (row: T) => string | undefined): CodedColumn {
    const codes = rows.map((row) => {
      const value = read(row);
      return value === undefined ? -1 : this.intern(value);
    });
    return { values: this.#values, codes };
  }
}

function encodeColumn<T>(rows: readonly T[], read: (row: T) => string | undefined): CodedColumn {
  return new ColumnEncoder().column(rows, read);
}

/** A reader of row i's value; a code past the table, or a value outside `allowed`, is an error naming the field. */
function decodeColumn<V extends string>(column: CodedColumn, field: string, allowed?: readonly V[]): (row: number) => V | undefined {
  const values = column.values.map((value) => {
    if (allowed !== undefined && !(allowed as readonly string[]).includes(value)) {
      throw new CompactGraphError(`${field}.values: "${value}" is not one of ${allowed.join(', ')}`);
    }
    return value as V;
  });
  return (row) => {
    const code = column.codes[row] ?? -1;
    if (code === -1) return undefined;
    const value = values[code];
    if (value === undefined) throw new CompactGraphError(`${field}.codes[${row}]: code ${code} is not in values (${values.length})`);
    return value;
  };
}

function required<V>(value: V | undefined, field: string, row: number): V {
  if (value === undefined) throw new CompactGraphError(`${field}.codes[${row}]: required, but absent`);
  return value;
}
