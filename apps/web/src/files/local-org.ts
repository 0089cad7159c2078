import {
  AnalysisContext,
  type AnalysisResult,
  type AnalyzeOptions,
  analyze,
  diffGraphs,
  encodeGraphResponse,
  type ExportGraph,
  exporters,
  EXPORT_FORMATS,
  type ExportFormat,
  flowStepGraph,
  type FlowGraph,
  graphFromExport,
  type GraphResponse,
  type HclParser,
  impact,
  type InputFileReport,
  type InputFileVersion,
  InputSet,
  type InputSetLoad,
  isFlowFileName,
  isSkippedEntry,
  isTerraformFileName,
  type ImportIssue,
  layeredLayout,
  readTerraformFile,
  type TerraformFile,
  toExportGraph,
} from '@flowgraph/core';

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

/** Over an org: what the files replaced and added, for the marks on the graph. */
export interface OverlayMarks {
  /** What the files were laid over ("Demo org"). */
  base: string;
  /** Org flows a file's flow replaced, whether it changed them or not. */
  replaced: string[];
  /** Replaced flows whose dependencies or steps differ from the org's. */
  changed: string[];
  /** Flows the org did not have. */
  added: string[];
  cyclesIntroduced: number;
}

/** `files` as the worker answers it: the Files panel's rows and, over an org, the marks. */
export interface LocalFilesResponse {
  inputs: string[];
  files: InputFileReport[];
  /** Files in the drop that are not inputs (READMEs, scripts). */
  skipped: number;
  overlay?: OverlayMarks;
}

export interface LoadOptions {
  /** Lay the files over this org instead of showing them alone. */
  over?: { graph: ExportGraph; label: string };
  parseHcl: HclParser;
  onProgress(progress: LoadProgress): void;
  now?: () => Date;
}

/** An answer in the server's terms: the body of a 200, or an error body with its status. */
export type LocalAnswer = { status: 200; body: unknown } | { status: 400 | 404; body: { error: { code: string; message: string } } };

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
  readonly #loaded: InputSetLoad;
  readonly #issues: ImportIssue[];
  readonly #fetchedAt: string;
  readonly #skipped: number;
  readonly #context: AnalysisContext;
  readonly #org: FlowGraph;
  readonly #orgExport: ExportGraph;
  readonly #analyses = new Map<string, AnalysisResult>();
  #layout: ReturnType<typeof layeredLayout> | undefined;

  constructor(loaded: InputSetLoad, terraformIssues: ImportIssue[], fetchedAt: string, skipped: number) {
    this.#loaded = loaded;
    this.#issues = [...terraformIssues, ...loaded.issues];
    this.#fetchedAt = fetchedAt;
    this.#skipped = skipped;
    this.#context = new AnalysisContext(loaded.graph);
    this.#org = this.#context.org.graph;
    this.#orgExport = toExportGraph(this.#org);
  }

  get flowCount(): number {
    return this.#loaded.files.reduce((count, file) => count + file.flows.length, 0);
  }

  answer(path: string, params: URLSearchParams): LocalAnswer {
    // The server's wire form, so the page's one graph client reads both.
    if (path === 'graph') return ok(encodeGraphResponse(this.#graph(params)));
    if (path === 'files') {
      const files: LocalFilesResponse = { inputs: this.inputs, files: this.#loaded.files, skipped: this.#skipped };
      if (this.overlay) files.overlay = this.overlay;
      return ok(files);
    }
    if (path === 'impact') {
      const node = params.get('node') ?? '';
      if (!this.#org.nodes.has(node)) return notFound(`No node "${node}" in the files' graph.`);
      const direction = params.get('direction');
      return ok(impact(this.#context.org, node, { direction: direction === 'up' || direction === 'down' ? direction : 'both' }));
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
    const graph = flowStepGraph(this.#loaded.graph, flowId);
    const exported = toExportGraph(graph);
    const flow = exported.nodes.find((candidate) => candidate.id === flowId)!;
    return ok({ flow, graph: exported, cycles: [...new AnalysisContext(graph).cycles], layout: layeredLayout(exported), issues: [] });
  }
}

function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

function ok(body: unknown): LocalAnswer {
  return { status: 200, body };
}

function notFound(message: string): LocalAnswer {
  return { status: 404, body: { error: { code: 'not-found', message } } };
}
