import { realpath, stat } from 'node:fs/promises';
import {
  type ClientMetrics,
  type CrawlProgress,
  type FilesResponse,
  type InputFileReport,
  type InputFileVersion,
  InputSet,
  type SourceInfo,
  substitutionFileReports,
} from '@flowgraph/core';
import {
  inputRoots,
  type InputWatcher,
  type ListedInput,
  listInputFiles,
  readListedInput,
  readSubstitutionSources,
  type SubstitutionSources,
  watchInputs,
} from '@flowgraph/inputs';
import { CrawlFailedError, CrawlPendingError, NotFoundError } from '../errors.js';
import type { Log } from '../logger.js';
import { stepGraphOf } from './core-graph.js';
import { CrawlState } from './crawl-state.js';
import type { GraphSource, LoadedOrg, StepGraph } from './graph-source.js';

export interface FileSourceOptions {
  /** Files and folders to serve (folders recursed); nothing outside them is read. */
  inputs: readonly string[];
  cwd: string;
  /** `--substitutions`: Terraform files or folders, JSON or `name=value` files of template values. */
  substitutions?: readonly string[];
  /** `--set name=value`: wins over every other template value. */
  overrides?: Readonly<Record<string, string>>;
  /** Re-read what changes (default true). */
  watch?: boolean;
  /** Quiet time before a burst of changes is re-read (default 150 ms). */
  quietMs?: number;
  log: Log;
  now?: () => Date;
}

/** What one reload did, for logs and tests. */
export interface Reload {
  generation: number;
  /** Paths imported again. */
  reimported: string[];
  removed: string[];
}

interface Known {
  entry: ListedInput;
  mtimeMs: number;
  size: number;
}

const NO_METRICS: ClientMetrics = {
  requests: 0,
  retries: 0,
  rateLimitWaits: 0,
  rateLimitWaitMs: 0,
  rateLimitWaitSummedMs: 0,
  errors: 0,
  cacheHits: 0,
  tokenRefreshes: 0,
  endpoints: [],
};

/**
 * The org as files on disk (`flowgraph serve <inputs>`): read once, then watched. A burst of
 * changes (debounced) lists the inputs again and re-imports only the files that were added or
 * whose size or modification time changed, links and publishes a new generation; the progress
 * stream tells the browser, which refetches in place. Reads only below the inputs: a symbolic
 * link out of them is refused and shown as that file's error.
 */
export class FileSource implements GraphSource {
  readonly info: SourceInfo = { kind: 'files' };
  readonly #options: FileSourceOptions;
  readonly #state = new CrawlState();
  readonly #set: InputSet;
  readonly #known = new Map<string, Known>();
  readonly #reloadListeners = new Set<(reload: Reload) => void>();
  #roots: string[] = [];
  #substitutionRoots: string[] = [];
  #loaded: LoadedOrg | undefined;
  #files: InputFileReport[] = [];
  /** The `--substitutions` files, with the problems naming them. */
  #substitutionFiles: InputFileReport[] = [];
  #generation = 0;
  #watcher: InputWatcher | undefined;
  /** Reloads run one after another; a burst during a reload is read after it. */
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: FileSourceOptions) {
    this.#options = options;
    this.#set = new InputSet({ ...(options.overrides ? { overrides: options.overrides } : {}) });
  }

  /** Reads everything once and starts watching; resolves when the first graph is served. */
  async start(): Promise<void> {
    this.#roots = await inputRoots(this.#options.inputs, this.#options.cwd);
    this.#substitutionRoots = await inputRoots(this.#options.substitutions ?? [], this.#options.cwd);
    // The first read fails loudly (an input that does not exist is a typo); later ones are reported.
    await this.#enqueue(() => this.#reload(undefined, false, true));
    if (this.#options.watch === false || this.#closed) return;
    this.#watcher = await watchInputs([...this.#options.inputs, ...(this.#options.substitutions ?? [])], this.#options.cwd, {
      quietMs: this.#options.quietMs ?? 150,
      onChange: (paths) => void this.#enqueue(() => this.#reload(paths)),
      onError: (error) => this.#options.log(`flowgraph: watching the inputs: ${error.message}`),
    });
  }

  progress(): CrawlProgress {
    return this.#state.progress;
  }

  subscribe(listener: (progress: CrawlProgress) => void): () => void {
    return this.#state.subscribe(listener);
  }

  /** Called after every reload that changed the graph. */
  onReload(listener: (reload: Reload) => void): () => void {
    this.#reloadListeners.add(listener);
    return () => this.#reloadListeners.delete(listener);
  }

  /** `POST /api/refresh`: reads every file again. */
  refresh(): boolean {
    if (this.#closed || this.#state.running) return false;
    void this.#enqueue(() => this.#reload(undefined, true));
    return true;
  }

  current(): LoadedOrg {
    if (this.#loaded) return this.#loaded;
    if (this.#state.progress.phase === 'failed') throw new CrawlFailedError(this.#state.progress.message ?? 'reading the files failed');
    throw new CrawlPendingError('The files are still being read; watch /api/progress and retry when it is done.');
  }

  partial(): LoadedOrg {
    throw new NotFoundError('No partial result: files are read whole. /api/graph serves them.');
  }

  /** A flow's steps from its own file: the graph already holds them. */
  async flowSteps(flowId: string): Promise<StepGraph> {
    return stepGraphOf(this.current().graph, flowId, undefined);
  }

  files(): FilesResponse {
    return { inputs: [...this.#options.inputs], files: [...this.#files, ...this.#substitutionFiles] };
  }

  metrics(): ClientMetrics {
    return NO_METRICS;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#watcher?.close();
    await this.#queue;
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(work, work);
    // The queue goes on after a failed reload; the caller still sees the failure.
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * `changed` undefined: the first read (or a refresh with `everything`). Otherwise the paths a
   * watch burst named: the inputs are listed again and compared by size and modification time, so
   * a missed or merged event still finds what changed, and only that is read.
   */
  async #reload(changed: readonly string[] | undefined, everything = false, rethrow = false): Promise<void> {
    if (this.#closed) return;
    const { log } = this.#options;
    try {
      const substitutions =
        changed === undefined || changed.some((path) => this.#isSubstitution(path)) ? await this.#substitutions() : undefined;
      const listing = await this.#list();
      const upsert: ListedInput[] = [];
      for (const [location, now] of listing) {
        const before = this.#known.get(location);
        const same =
          before !== undefined && before.mtimeMs === now.mtimeMs && before.size === now.size && before.entry.error === now.entry.error;
        if (everything || !same) upsert.push(now.entry);
      }
      const removed = [...this.#known.keys()].filter((location) => !listing.has(location));
      if (upsert.length === 0 && removed.length === 0 && substitutions === undefined) return;

      const first = this.#loaded === undefined;
      const message = first ? 'reading the files' : describeChange(upsert, removed, this.#known);
      this.#state.start('listing', { flowsTotal: upsert.length, message });
      const readAt = (this.#options.now ?? (() => new Date()))().toISOString();
      const files: InputFileVersion[] = [];
      for (const entry of upsert) {
        files.push({ ...(await readListedInput(entry, this.#roots)), readAt });
        this.#state.update({ flowsDone: files.length });
      }
      this.#state.update({ phase: 'analyzing' });
      const removedPaths = removed.map((location) => this.#known.get(location)!.entry.path);
      const reimported = this.#set.update({
        upsert: files,
        remove: removedPaths,
        ...(substitutions ? { terraform: substitutions.terraform, substitutions: substitutions.values } : {}),
      });
      for (const location of removed) this.#known.delete(location);
      for (const [location, known] of listing) this.#known.set(location, known);
      if (substitutions) {
        this.#substitutionIssues = substitutions.issues;
        this.#substitutionPaths = [...substitutions.terraform.map((file) => file.path), ...substitutions.issues.map((issue) => issue.file)];
        this.#substitutionsReadAt = readAt;
      }
      const loaded = this.#set.load();
      this.#files = loaded.files;
      this.#substitutionFiles = substitutionFileReports(
        this.#substitutionPaths,
        [...this.#substitutionIssues, ...loaded.issues],
        this.#substitutionsReadAt,
      );
      this.#loaded = {
        graph: loaded.graph,
        issues: [...this.#substitutionIssues, ...loaded.issues],
        fetchedAt: readAt,
        generation: ++this.#generation,
        staleFlows: loaded.staleFlows,
      };
      this.#state.finish(first ? undefined : message, { graphFetchedAt: readAt, staleFlows: loaded.staleFlows.length });
      if (!first) log(`flowgraph: ${message}: re-read ${reimported.length} file(s)`);
      const reload: Reload = { generation: this.#generation, reimported, removed: removedPaths };
      for (const listener of this.#reloadListeners) listener(reload);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`flowgraph: reading the inputs failed: ${message}`);
      if (!this.#state.running) this.#state.start('listing');
      this.#state.fail(message);
      if (rethrow) throw error;
    }
  }

  #substitutionIssues: LoadedOrg['issues'] = [];
  #substitutionPaths: string[] = [];
  #substitutionsReadAt = '';
  #substitutionsKey = '';

  /** The `--substitutions` read again; undefined when nothing in them changed. */
  async #substitutions(): Promise<SubstitutionSources | undefined> {
    const sources = await readSubstitutionSources(this.#options.substitutions ?? [], this.#options.cwd);
    const key = JSON.stringify(sources);
    if (key === this.#substitutionsKey) return undefined;
    this.#substitutionsKey = key;
    return sources;
  }

  /** The inputs listed (confined), each with its size and modification time. */
  async #list(): Promise<Map<string, Known>> {
    const listing = new Map<string, Known>();
    const seen = new Set<string>();
    for (const entry of await listInputFiles(this.#options.inputs, this.#options.cwd, { confine: true })) {
      const info = entry.error === undefined ? await stat(entry.location).catch(() => undefined) : undefined;
      if (info !== undefined) {
        // One file reached through two paths (a link inside the inputs) is read once.
        const real = await realpath(entry.location).catch(() => entry.location);
        if (seen.has(real)) continue;
        seen.add(real);
      }
      listing.set(entry.location, { entry, mtimeMs: info?.mtimeMs ?? 0, size: info?.size ?? -1 });
    }
    return listing;
  }

  #isSubstitution(path: string): boolean {
    return this.#substitutionRoots.some((root) => path === root || path.startsWith(`${root}/`));
  }
}

function describeChange(upsert: readonly ListedInput[], removed: readonly string[], known: ReadonlyMap<string, Known>): string {
  const parts: string[] = [];
  const added = upsert.filter((entry) => !known.has(entry.location)).length;
  const changed = upsert.length - added;
  if (upsert.length === 1 && removed.length === 0) return `${upsert[0]!.path} ${added === 1 && known.size > 0 ? 'added' : 'changed'}`;
  if (changed > 0) parts.push(`${changed} changed`);
  if (added > 0) parts.push(`${added} added`);
  if (removed.length > 0) parts.push(`${removed.length} removed`);
  return `files ${parts.join(', ')}`;
}
