import type { ExportGraph } from '@flowgraph/core';
import type { LocalAnswer } from './local-answer.js';
import type { LoadProgress, PickedFile } from './local-org.js';
import type { WorkerReply, WorkerRequest } from './files.worker.js';

/** What the page shows about files opened in it. */
export type LocalFilesState =
  | { status: 'none' }
  | { status: 'loading'; label: string; count: number; progress?: LoadProgress }
  | { status: 'loaded'; label: string; files: number; flows: number; ms: number; over?: string }
  | { status: 'failed'; label: string; message: string };

/** A file picked in the page, with its path relative to what was picked (`repo/flows/main.yaml`). */
export interface PickedBrowserFile {
  path: string;
  file: File;
}

/**
 * The page's side of the files worker: files picked or dropped are handed to it (a `File` is a
 * handle: their text is read in the worker, and nothing is uploaded), then every API question is
 * asked of it instead of the server while they are shown. One set of files at a time.
 */
class LocalFiles {
  #state: LocalFilesState = { status: 'none' };
  #worker: Worker | undefined;
  #listeners = new Set<() => void>();
  #pending = new Map<number, (answer: LocalAnswer) => void>();
  #nextId = 1;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getState = (): LocalFilesState => this.#state;

  /** True while opened files, not the server, answer the API's questions. */
  get active(): boolean {
    return this.#state.status === 'loaded';
  }

  /** Reads the files in a new worker; resolves when they are loaded (or failed: see the state). */
  load(files: readonly PickedBrowserFile[], label: string, over?: { graph: ExportGraph; label: string }): Promise<void> {
    this.#stop();
    const worker = new Worker(new URL('./files.worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    this.#set({ status: 'loading', label, count: files.length });
    return new Promise((resolve) => {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (this.#worker !== worker) return;
        const reply = event.data;
        if (reply.type === 'progress') this.#set({ status: 'loading', label, count: files.length, progress: reply.progress });
        if (reply.type === 'loaded') {
          this.#set({
            status: 'loaded',
            label,
            files: reply.files,
            flows: reply.flows,
            ms: reply.ms,
            ...(over ? { over: over.label } : {}),
          });
          resolve();
        }
        if (reply.type === 'failed') {
          this.#set({ status: 'failed', label, message: reply.message });
          resolve();
        }
        if (reply.type === 'answer') {
          this.#pending.get(reply.id)?.(reply.answer);
          this.#pending.delete(reply.id);
        }
      };
      worker.onerror = (event) => {
        this.#set({ status: 'failed', label, message: event.message || 'the files worker stopped' });
        resolve();
      };
      const request: WorkerRequest = { type: 'load', files: [...files], ...(over ? { over } : {}) };
      worker.postMessage(request);
    });
  }

  /** Asks the API question `path?query` of the opened files. */
  ask(path: string, query: URLSearchParams | undefined): Promise<LocalAnswer> {
    const worker = this.#worker;
    if (worker === undefined || !this.active) return Promise.resolve(notLoaded());
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      const request: WorkerRequest = { type: 'ask', id, path, query: query?.toString() ?? '' };
      worker.postMessage(request);
    });
  }

  /** Back to the server's org. */
  close(): void {
    this.#stop();
    this.#set({ status: 'none' });
  }

  #stop(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const resolve of this.#pending.values()) resolve(notLoaded());
    this.#pending.clear();
  }

  #set(state: LocalFilesState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

function notLoaded(): LocalAnswer {
  return { status: 404, body: { error: { code: 'not-found', message: 'No files are open in the page.' } } };
}

export const localFiles = new LocalFiles();

/** Where picked files came from: one folder's name, or "3 files". */
export function describePick(files: readonly PickedFile[] | readonly PickedBrowserFile[]): string {
  const tops = new Set(files.map((file) => file.path.split('/')[0] ?? file.path));
  if (tops.size === 1 && files.length > 1 && files[0]!.path.includes('/')) return `${[...tops][0]}/`;
  return files.length === 1 ? (files[0]!.path.split('/').pop() ?? files[0]!.path) : `${files.length} files`;
}
