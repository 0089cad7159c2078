import { analyze } from '../analysis/analyze.js';
import { AnalysisContext } from '../analysis/context.js';
import { UnknownNodeError } from '../analysis/errors/unknown-node.js';
import { impact } from '../analysis/impact.js';
import type { AnalyzeOptions } from '../analysis/result.js';
import type { AnalysisResult, ImportIssue } from '../contract/analysis.js';
import type { ExportGraph, Layout } from '../contract/graph.js';
import type { GraphResponse, StepsResponse } from '../contract/http.js';
import type { Impact } from '../contract/impact.js';
import type { ExportFormat } from '../exporters/formats.js';
import { toExportGraph } from '../exporters/json.js';
import { exporters } from '../exporters/registry.js';
import { layeredLayout } from '../layout/layered-layout.js';
import type { FlowGraph } from '../model/graph.js';
import { type CycleFocus, cycleFocus, cycleOf } from './cycle-focus.js';
import { type Focus, type FocusOptions, focus } from './focus.js';
import { findPaths, type PathOptions, type Paths } from './paths.js';

/** Analyses kept per graph: one per policy asked for (strict, target version, allowed statuses). */
const ANALYSES_KEPT = 16;

/**
 * The questions the API answers about one loaded org graph (`/api/graph`, impact, focus, paths,
 * cycles, export), computed by core and cached for the graph's lifetime. The server asks it for a
 * crawl or the served files; the page for files opened in the browser: one answer for both.
 * Unknown node ids throw `UnknownNodeError` (the server's 404).
 */
export class OrgQueries {
  /** The full graph's context: its index, org projection and cycles, built once. */
  readonly context: AnalysisContext;
  /** The org projection (flows and resources): `context.org.graph`. */
  readonly org: FlowGraph;
  readonly orgExport: ExportGraph;
  readonly #analyses = new Map<string, AnalysisResult>();
  #layout: Layout | undefined;

  constructor(
    /** The full graph, steps included when the source has them. */
    readonly graph: FlowGraph,
    /** Import issues the analysis reports with its findings. */
    readonly issues: readonly ImportIssue[],
  ) {
    this.context = new AnalysisContext(graph);
    this.org = this.context.org.graph;
    this.orgExport = toExportGraph(this.org);
  }

  /** The org view's layout, computed on first ask. */
  get layout(): Layout {
    this.#layout ??= layeredLayout(this.orgExport);
    return this.#layout;
  }

  /** The analysis under one policy, cached per distinct policy (the oldest dropped past 16). */
  analysis(options: AnalyzeOptions): AnalysisResult {
    const key = analysisKey(options);
    const cached = this.#analyses.get(key);
    if (cached) return cached;
    const result = analyze(this.context, options, this.issues);
    if (this.#analyses.size >= ANALYSES_KEPT) this.#analyses.delete(this.#analyses.keys().next().value!);
    this.#analyses.set(key, result);
    return result;
  }

  /** `/api/graph`'s answer for a source description (what kind, when read, stale flows). */
  graphResponse(source: GraphResponse['source'], options: AnalyzeOptions): GraphResponse {
    return { source, graph: this.orgExport, analysis: this.analysis(options), layout: this.layout };
  }

  impact(nodeId: string, direction: 'down' | 'up' | 'both'): Impact {
    if (!this.org.nodes.has(nodeId)) throw new UnknownNodeError(nodeId, 'impact');
    return impact(this.context.org, nodeId, { direction });
  }

  /** A node's neighbourhood in the full graph (a step only when the graph has steps). */
  focus(nodeId: string, options: FocusOptions): Focus {
    if (!this.graph.nodes.has(nodeId)) throw new UnknownNodeError(nodeId, 'focus');
    return focus(this.context, nodeId, options);
  }

  paths(from: string, to: string, options: PathOptions): Paths {
    for (const id of [from, to]) if (!this.graph.nodes.has(id)) throw new UnknownNodeError(id, 'findPaths');
    return findPaths(this.context, from, to, options);
  }

  /** The org cycle `member` is in, drawn with its callers and callees; undefined when in none. */
  cycleFocus(member: string, options: { group: boolean }): CycleFocus | undefined {
    const cycle = cycleOf(this.analysis({}).cycles, member);
    return cycle === undefined ? undefined : cycleFocus(this.context, cycle, options);
  }

  export(format: ExportFormat, scope: 'org' | 'full'): string {
    return exporters[format](scope === 'org' ? this.org : this.graph, this.analysis({}));
  }

  /** The flow a step id `flowId:stepId` belongs to, when one of its prefixes is a flow of the org. */
  flowOfStepId(nodeId: string): string | undefined {
    for (let colon = nodeId.indexOf(':'); colon > 0; colon = nodeId.indexOf(':', colon + 1)) {
      const prefix = nodeId.slice(0, colon);
      if (this.org.nodes.get(prefix)?.kind === 'flow') return prefix;
    }
    return undefined;
  }
}

/** `/api/flows/:id/steps`'s answer from a flow's step graph; undefined when the graph lacks the flow. */
export function stepsResponse(steps: FlowGraph, flowId: string, issues: StepsResponse['issues']): StepsResponse | undefined {
  const exported = toExportGraph(steps);
  const flow = exported.nodes.find((candidate) => candidate.id === flowId);
  if (flow === undefined) return undefined;
  return { flow, graph: exported, cycles: [...new AnalysisContext(steps).cycles], layout: layeredLayout(exported), issues };
}

/** The loop inside a flow's step graph that `member` is in, drawn as a cycle focus; undefined when in none. */
export function stepLoopFocus(steps: FlowGraph, member: string, options: { group: boolean }): CycleFocus | undefined {
  const context = new AnalysisContext(steps);
  const loop = cycleOf(context.cycles, member);
  return loop === undefined ? undefined : cycleFocus(context, loop, options);
}

/** One key per distinct policy: the order of allowed statuses does not matter. */
export function analysisKey(options: AnalyzeOptions): string {
  const statuses = options.allowedStatus?.length ? [...options.allowedStatus].sort() : null;
  return JSON.stringify([options.strict ?? false, options.targetVersion ?? null, statuses]);
}
