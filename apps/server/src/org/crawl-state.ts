import type { CrawlOutcome, CrawlPhase, CrawlProgress } from '@flowgraph/core';
import type { CrawlReport } from './org-client.js';

type Listener = (progress: CrawlProgress) => void;

const RUNNING: ReadonlySet<CrawlPhase> = new Set(['token', 'listing', 'dependencies', 'analyzing']);

/** Every phase but idle, done and failed: a crawl is under way. */
export function isRunning(phase: CrawlPhase): boolean {
  return RUNNING.has(phase);
}

const IDLE: CrawlProgress = {
  phase: 'idle',
  flowsDone: 0,
  flowsTotal: 0,
  pagesDone: 0,
  pagesTotal: 0,
  requests: 0,
  rateLimitWaitMs: 0,
};

/**
 * The crawl as an explicit state machine: idle | done | failed --start--> token -> listing ->
 * dependencies -> analyzing --finish--> done, or --fail--> failed from any running phase.
 * Events that do not fit the current state are ignored, so a late progress callback of an
 * aborted crawl cannot make a finished crawl look running again.
 */
export class CrawlState {
  #progress: CrawlProgress = IDLE;
  readonly #listeners = new Set<Listener>();

  get progress(): CrawlProgress {
    return this.#progress;
  }

  get running(): boolean {
    return isRunning(this.#progress.phase);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Returns false (and changes nothing) when a crawl is already running. A file source starts at `listing`. */
  start(phase: 'token' | 'listing' = 'token', report: CrawlReport & { message?: string } = {}): boolean {
    if (this.running) return false;
    // What is served does not change until this crawl ends.
    const served = this.#progress.graphFetchedAt;
    this.#set({ ...IDLE, ...report, phase, ...(served ? { graphFetchedAt: served } : {}) });
    return true;
  }

  /** A progress report from the client while crawling; the phase may only move forward. */
  update(report: CrawlReport): void {
    if (!this.running) return;
    const phase =
      report.phase && isRunning(report.phase) && order(report.phase) >= order(this.#progress.phase) ? report.phase : this.#progress.phase;
    const { message: _drop, ...rest } = this.#progress;
    this.#set({ ...rest, ...report, phase });
  }

  /** The crawl's graph is now served (`outcome.graphFetchedAt`). */
  finish(message?: string, outcome: CrawlOutcome = {}): void {
    if (!this.running) return;
    const { message: _drop, ...rest } = this.#progress;
    this.#set({ ...rest, phase: 'done', ...(message ? { message } : {}), ...outcome });
  }

  /** The crawl's graph is not served; whatever was served before still is. */
  fail(message: string, outcome: Omit<CrawlOutcome, 'graphFetchedAt'> = {}): void {
    if (!this.running) return;
    this.#set({ ...this.#progress, phase: 'failed', message, ...outcome });
  }

  #set(progress: CrawlProgress): void {
    this.#progress = progress;
    for (const listener of this.#listeners) listener(progress);
  }
}

const PHASE_ORDER: readonly CrawlPhase[] = ['idle', 'token', 'listing', 'dependencies', 'analyzing', 'done', 'failed'];

function order(phase: CrawlPhase): number {
  return PHASE_ORDER.indexOf(phase);
}
