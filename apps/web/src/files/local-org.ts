import {
  type AnalyzeOptions,
  diffGraphs,
  encodeGraphResponse,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportGraph,
  type FilesResponse,
  type FlowGraph,
  type FocusOptions,
  flowStepGraph,
  type GraphResponse,
  graphFromExport,
  type HclParser,
  type ImportIssue,
  type InputFileReport,
  type InputFileVersion,
  InputSet,
  type InputSetLoad,
  isFlowFileName,
  isSkippedEntry,
  isTerraformFileName,
  type NodeKind,
  OrgQueries,
  type OverlayMarks,
  readTerraformFile,
  stepsResponse,
  substitutionFileReports,
  type TerraformFile,
  UnknownNodeError,
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
 * The answers the SPA asks the server for, computed here for the loaded files by the server's own
 * core queries (`OrgQueries`), so every panel works on dropped files unchanged.
 */
export class LocalOrg {
  overlay: OverlayMarks | undefined;
  inputs: string[] = [];
  /** The Terraform files among the picked ones, for the Files panel. */
  substitutionFiles: InputFileReport[] = [];
  readonly #loaded: InputSetLoad;
  readonly #fetchedAt: string;
  readonly #skipped: number;
  readonly #queries: OrgQueries;
  /** Flows a file defines (the rest, over an org, are the org's). */
  readonly #fromFiles: ReadonlySet<string>;

  constructor(loaded: InputSetLoad, terraformIssues: ImportIssue[], fetchedAt: string, skipped: number) {
    this.#loaded = loaded;
    this.#fetchedAt = fetchedAt;
    this.#skipped = skipped;
    this.#queries = new OrgQueries(loaded.graph, [...terraformIssues, ...loaded.issues]);
    this.#fromFiles = new Set(loaded.files.flatMap((file) => file.flows.map((flow) => flow.id)));
  }

  /** Input files read (flow files and Terraform), not the others picked with them. */
  get fileCount(): number {
    return this.#loaded.files.length + this.substitutionFiles.length;
  }

  get flowCount(): number {
    return this.#fromFiles.size;
  }

  answer(path: string, params: URLSearchParams): LocalAnswer {
    try {
      return this.#answer(path, params);
    } catch (error) {
      if (error instanceof UnknownNodeError) return notFound(`No node "${error.nodeId}" in the files' graph.`);
      throw error;
    }
  }

  #answer(path: string, params: URLSearchParams): LocalAnswer {
    const queries = this.#queries;
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
    if (path === 'impact') return ok(queries.impact(params.get('node') ?? '', directionOf(params)));
    if (path === 'focus') return ok(queries.focus(params.get('node') ?? '', focusOptionsOf(params)));
    if (path === 'path') {
      const options = { all: params.get('all') === 'true', limit: Number(params.get('limit') ?? 20) };
      return ok(queries.paths(params.get('from') ?? '', params.get('to') ?? '', options));
    }
    const cycle = /^cycles\/([^/]+)\/focus$/.exec(path);
    if (cycle) {
      const member = decodeURIComponent(cycle[1]!);
      const found = queries.cycleFocus(member, { group: params.get('group') === 'true' });
      return found === undefined ? notFound(`"${member}" is in no cycle of the files.`) : ok(found);
    }
    const steps = /^flows\/([^/]+)\/steps$/.exec(path);
    if (steps) return this.#steps(decodeURIComponent(steps[1]!));
    if (path === 'export') {
      const format = params.get('format') ?? 'dot';
      if (!isExportFormat(format)) return { status: 400, body: { error: { code: 'bad-request', message: `format: unknown "${format}"` } } };
      return ok(queries.export(format, params.get('scope') === 'full' ? 'full' : 'org'));
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
    const stale = this.#loaded.staleFlows;
    return this.#queries.graphResponse(
      { kind: 'files', fetchedAt: this.#fetchedAt, ...(stale.length > 0 ? { staleFlows: stale } : {}) },
      options,
    );
  }

  #steps(flowId: string): LocalAnswer {
    const node = this.#queries.org.nodes.get(flowId);
    if (node?.kind !== 'flow') return notFound(`No flow "${flowId}" in the files.`);
    // Deployed over an org: a flow no file replaced has its steps on the server.
    if (this.overlay !== undefined && !this.#fromFiles.has(flowId)) {
      return { status: 404, body: { error: { code: ASK_THE_SERVER, message: `"${node.name}" is the org's flow` } } };
    }
    const answer = stepsResponse(flowStepGraph(this.#loaded.graph, flowId), flowId, []);
    return answer === undefined ? notFound(`No flow "${flowId}" in the files.`) : ok(answer);
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

function ok(body: unknown): LocalAnswer {
  return { status: 200, body };
}

function notFound(message: string): LocalAnswer {
  return { status: 404, body: { error: { code: 'not-found', message } } };
}
