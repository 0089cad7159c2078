import type { GraphResponse } from '@flowgraph/core';
import { useSyncExternalStore } from 'react';
import { type PreparedOrg, prepareOrg } from '../graph/prepare-org.js';
import type { GraphWorkerReply } from './graph.worker.js';
import { type GraphReadProgress, type ReadGraph, readGraph } from './read-graph.js';

/** The org canvas's elements of each graph read, beside the response every panel reads. */
const preparedOrgs = new WeakMap<GraphResponse, PreparedOrg>();

/** The elements prepared with this graph (built here, on the main thread, for one that was not read by `readGraphBody`). */
export function preparedOrgOf(response: GraphResponse): PreparedOrg {
  let prepared = preparedOrgs.get(response);
  if (!prepared) {
    prepared = prepareOrg(response);
    preparedOrgs.set(response, prepared);
  }
  return prepared;
}

/**
 * Reads an `/api/graph` body in a Web Worker (see `read-graph.ts`), so that the page stays
 * responsive and can show where it is; inline where there are no workers (unit tests in Node).
 */
export async function readGraphBody(body: unknown): Promise<GraphResponse> {
  const { response, prepared } = typeof Worker === 'undefined' ? readGraph(body, setProgress) : await inWorker(body);
  preparedOrgs.set(response, prepared);
  setProgress(undefined);
  return response;
}

function inWorker(body: unknown): Promise<ReadGraph> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./graph.worker.ts', import.meta.url), { type: 'module' });
    const fail = (message: string) => {
      worker.terminate();
      setProgress(undefined);
      reject(new Error(message));
    };
    worker.onmessage = (event: MessageEvent<GraphWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') setProgress(reply.progress);
      else if (reply.type === 'failed') fail(reply.message);
      else {
        worker.terminate();
        resolve(reply.result);
      }
    };
    worker.onerror = (event) => fail(`Could not read the graph: ${event.message}`);
    worker.postMessage({ body });
  });
}

/** Where the graph being read is: one at a time (the page reads one graph), undefined when none is. */
let progress: GraphReadProgress | undefined;
const listeners = new Set<() => void>();

function setProgress(next: GraphReadProgress | undefined): void {
  progress = next;
  for (const listener of listeners) listener();
}

export function useGraphReadProgress(): GraphReadProgress | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => progress,
  );
}
