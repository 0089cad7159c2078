import {
  AnalysisContext,
  type AnalysisResult,
  type AnalyzeOptions,
  analyze,
  diffGraphs,
  cycleFocus,
  cycleOf,
  encodeGraphResponse,
  type ExportGraph,
  exporters,
  type FilesResponse,
  findPaths,
  focus,
  type FocusOptions,
  EXPORT_FORMATS,
  type ExportFormat,
  flowStepGraph,
  type FlowGraph,
  graphFromExport,
  type GraphResponse,
  type HclParser,
  impact,
  type InputFileVersion,
  InputSet,
  type InputSetLoad,
  isFlowFileName,
  isSkippedEntry,
  isTerraformFileName,
  type ImportIssue,
  type InputFileReport,
  layeredLayout,
  type NodeKind,
  type OverlayMarks,
  readTerraformFile,
  substitutionFileReports,
  type TerraformFile,
  toExportGraph,
} from '@flowgraph/core';
import { ASK_THE_SERVER, type LocalAnswer } from './local-answer.js';

/** A file picked or dropped, its path relative to what was picked (`repo/flows/main.yaml`). */
export interface PickedFile {
  path: string;
  text(): Promise<string>;
}

export type LoadPhase = 'reading' | 'terraform' | 'importing' | 'analysing';
export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Lay the files over this org instead of showing them alone. */
  over?: { graph: ExportGraph; label: string };
  parseHcl: HclParser;
  onProgress(progress: LoadProgress): void;
  now?: () => Date;
}

/**
 * Reads picked or dropped files with core's importers, in the page (a Web Worker): nothing is sent
 * anywhere. Terraform files among them fill the templated flow files their `genesyscloud_flow`
 * resources name, as `--substitutions` does in the CLI.
 */
export async function loadPicked(picked: readonly PickedFile[], options: LoadOptions): Promise<LocalOrg> {
  const inputs = picked.filter((file) => !file.path.split('/').some(isSkippedEntry));
  const flowFiles = inputs.filter((file) => isFlowFileName(file.path));
  const terraformFiles = inputs.filter((file) => isTerraformFileName(file.path));
  const total = flowFiles.length + terraformFiles.length;
  const readAt = (options.now ?? (() => new Date()))().toISOString();
  const versions: InputFileVersion[] = [];
  for (const file of flowFiles) {
    versions.push({ path: file.path, text: await file.text(), readAt });
    if (versions.length % 10 === 0 || versions.length === flowFiles.length)
      options.onProgress({ phase: 'reading', done: versions.length, total });
  }
  const terraform: TerraformFile[] = [];
  const terraformIssues: ImportIssue[] = [];
  for (const [index, file] of terraformFiles.entries()) {
    options.onProgress({ phase: 'terraform', done: flowFiles.length + index, total });
    const parsed = await readTerraformFile(file.path, file.path, await file.text(), options.parseHcl);
    if ('issue' in parsed) terraformIssues.push(parsed.issue);
    else terraform.push(parsed);
  }
  options.onProgress({ phase: 'importing', done: total, total });
  const set = new InputSet();
  set.update({ upsert: versions, terraform });
  const base = options.over === undefined ? undefined : graphFromExport(options.over.graph);
  const loaded = set.load(base === undefined ? {} : { over: base });
  options.onProgress({ phase: 'analysing', done: total, total });
  const org = new LocalOrg(loaded, terraformIssues, readAt, picked.length - total);
  org.substitutionFiles = substitutionFileReports(
    terraformFiles.map((file) => file.path),
    [...terraformIssues, ...loaded.issues],
    readAt,
  );
  if (base !== undefined && options.over !== undefined) org.overlay = overlayMarks(base, loaded, options.over.label);
  org.inputs = [...new Set(picked.map((file) => file.path.split('/')[0] ?? file.path))].sort();
  // Warm the default analysis and layout, so the first request is answered at once.
  org.answer('graph', new URLSearchParams());
  return org;
}

function overlayMarks(base: FlowGraph, loaded: InputSetLoad, label: string): OverlayMarks {
  const diff = diffGraphs(base, loaded.graph, { matchByName: false });
  return {
    base: label,
    replaced: loaded.replaced,
    changed: diff.flows.changed.map((change) => change.id),
    added: diff.flows.added,
    cyclesIntroduced: diff.cycles.introduced.length,
  };
}

/**
 * The answers the SPA asks the server for, computed here for the loaded files: the same core
 * functions on the same shapes, so every panel works on dropped files unchanged.
 */
export class LocalOrg {
  overlay: OverlayMarks | undefined;
  inputs: string[] = [];
  /** The Terraform files among the picked ones, for the Files panel. */
  substitutionFiles: InputFileReport[] = [];
  readonly #loaded: InputSetLoad;
  readonly #issues: ImportIssue[];
  readonly #fetchedAt: string;
  readonly #skipped: number;
  readonly #context: AnalysisContext;
  readonly #org: FlowGraph;
  readonly #orgExport: ExportGraph;
  readonly #analyses = new Map<string, AnalysisResult>();
  #layout: ReturnType<typeof layeredLayout> | undefined;
  /** Flows a file defines (the rest, over an org, are the org's). */
  readonly #fromFiles: ReadonlySet<string>;

  constructor(loaded: InputSetLoad, terraformIssues: ImportIssue[], fetchedAt: string, skipped: number) {
    this.#loaded = loaded;
    this.#issues = [...terraformIssues, ...loaded.issues];
    this.#fetchedAt = fetchedAt;
    this.#skipped = skipped;
    this.#context = new AnalysisContext(loaded.graph);
    this.#org = this.#context.org.graph;
    this.#orgExport = toExportGraph(this.#org);
    this.#fromFiles = new Set(loaded.files.flatMap((file) => file.flows.map((flow) => flow.id)));
  }

  /** Input files read (flow files and Terraform), not the others picked with them. */
  get fileCount(): number {
    return this.#loaded.files.length + this.substitutionFiles.length;
  }

  get flowCount(): number {
    return new Set(this.#loaded.files.flatMap((file) => file.flows.map((flow) => flow.id))).size;
  }

  answer(path: string, params: URLSearchParams): LocalAnswer {
    // The server's wire form, so the page's one graph client reads both.
    if (path === 'graph') return ok(encodeGraphResponse(this.#graph(params)));
    if (path === 'files') {
      const files: FilesResponse = {
        inputs: this.inputs,
        files: [...this.#loaded.files, ...this.substitutionFiles],
        skipped: this.#skipped,
      };
      if (this.overlay) files.overlay = this.overlay;
      return ok(files);
    }
    if (path === 'impact') {
      const node = params.get('node') ?? '';
      if (!this.#org.nodes.has(node)) return unknownNode(node);
      return ok(impact(this.#context.org, node, { direction: directionOf(params) }));
    }
    if (path === 'focus') {
      const node = params.get('node') ?? '';
      if (!this.#loaded.graph.nodes.has(node)) return unknownNode(node);
      return ok(focus(this.#context, node, focusOptionsOf(params)));
    }
    if (path === 'path') {
      const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
      for (const id of [from, to]) if (!this.#loaded.graph.nodes.has(id)) return unknownNode(id);
      return ok(findPaths(this.#context, from, to, { all: params.get('all') === 'true', limit: Number(params.get('limit') ?? 20) }));
    }
    const cycle = /^cycles\/([^/]+)\/focus$/.exec(path);
    if (cycle) {
      const member = decodeURIComponent(cycle[1]!);
      const found = cycleOf(this.#analysis({}).cycles, member);
      if (found === undefined) return notFound(`"${member}" is in no cycle of the files.`);
      return ok(cycleFocus(this.#context, found, { group: params.get('group') === 'true' }));
    }
    const steps = /^flows\/([^/]+)\/steps$/.exec(path);
    if (steps) return this.#steps(decodeURIComponent(steps[1]!));
    if (path === 'export') {
      const format = params.get('format') ?? 'dot';
      if (!isExportFormat(format)) return { status: 400, body: { error: { code: 'bad-request', message: `format: unknown "${format}"` } } };
      return ok(exporters[format as ExportFormat](params.get('scope') === 'full' ? this.#loaded.graph : this.#org, this.#analysis({})));
    }
    return notFound(`/api/${path} is not available for files opened in the page.`);
  }

  #graph(params: URLSearchParams): GraphResponse {
    const options: AnalyzeOptions = {};
    if (params.get('strict') === 'true') options.strict = true;
    const target = params.get('targetVersion');
    if (target) options.targetVersion = target;
    const statuses = params.get('allowedStatus');
    if (statuses) options.allowedStatus = statuses.split(',');
    this.#layout ??= layeredLayout(this.#orgExport);
    return {
      source: {
        kind: 'files',
        fetchedAt: this.#fetchedAt,
        ...(this.#loaded.staleFlows.length > 0 ? { staleFlows: this.#loaded.staleFlows } : {}),
      },
      graph: this.#orgExport,
      analysis: this.#analysis(options),
      layout: this.#layout,
    };
  }

  #analysis(options: AnalyzeOptions): AnalysisResult {
    const key = JSON.stringify([options.strict ?? false, options.targetVersion ?? null, options.allowedStatus ?? null]);
    let result = this.#analyses.get(key);
    if (result === undefined) {
      result = analyze(this.#context, options, this.#issues);
      this.#analyses.set(key, result);
    }
    return result;
  }

  #steps(flowId: string): LocalAnswer {
    const node = this.#org.nodes.get(flowId);
    if (node?.kind !== 'flow') return notFound(`No flow "${flowId}" in the files.`);
    // Deployed over an org: a flow no file replaced has its steps on the server.
    if (this.overlay !== undefined && !this.#fromFiles.has(flowId)) {
      return { status: 404, body: { error: { code: ASK_THE_SERVER, message: `"${node.name}" is the org's flow` } } };
    }
    const graph = flowStepGraph(this.#loaded.graph, flowId);
    const exported = toExportGraph(graph);
    const flow = exported.nodes.find((candidate) => candidate.id === flowId)!;
    return ok({ flow, graph: exported, cycles: [...new AnalysisContext(graph).cycles], layout: layeredLayout(exported), issues: [] });
  }
}

function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

function directionOf(params: URLSearchParams): 'up' | 'down' | 'both' {
  const direction = params.get('direction');
  return direction === 'up' || direction === 'down' ? direction : 'both';
}

const NODE_KINDS: readonly NodeKind[] = ['flow', 'resource', 'step'];

/** The focus parameters as /api/focus reads them (docs/http-api.md). */
function focusOptionsOf(params: URLSearchParams): FocusOptions {
  const list = (name: string) =>
    params
      .get(name)
      ?.split(',')
      .filter((item) => item !== '');
  const options: FocusOptions = {
    direction: directionOf(params),
    flowsOnly: params.get('flowsOnly') === 'true',
    group: params.get('group') === 'true',
  };
  const depth = params.get('depth');
  if (depth !== null && depth !== 'all') options.depth = Number(depth);
  const kinds = list('kinds')?.filter((kind): kind is NodeKind => (NODE_KINDS as readonly string[]).includes(kind));
  if (kinds !== undefined) options.kinds = kinds;
  const types = list('types');
  if (types !== undefined) options.resourceTypes = types;
  const collapse = list('collapse');
  if (collapse !== undefined) options.collapse = collapse;
  return options;
}

function unknownNode(id: string): LocalAnswer {
  return notFound(`No node "${id}" in the files' graph.`);
}

function ok(body: unknown): LocalAnswer {
  return { status: 200, body };
}

function notFound(message: string): LocalAnswer {
  return { status: 404, body: { error: { code: 'not-found', message } } };
}
