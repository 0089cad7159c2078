/// <reference lib="webworker" />
import { parseHcl } from './hcl-parser.js';
import type { LocalAnswer } from './local-answer.js';
import { type LoadProgress, loadPicked, type LocalOrg } from './local-org.js';
import type { ExportGraph } from '@flowgraph/core';

/** Messages the page sends: load a set of files, then ask the API's questions about them. */
export type WorkerRequest =
  | { type: 'load'; files: Array<{ path: string; file: File }>; over?: { graph: ExportGraph; label: string } }
  | { type: 'ask'; id: number; path: string; query: string };

export type WorkerReply =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'loaded'; files: number; flows: number; ms: number }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; answer: LocalAnswer };

let org: LocalOrg | undefined;
const post = (reply: WorkerReply) => self.postMessage(reply);

// The files' text is read here, never in the page, and never leaves this worker.
self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'ask') {
    const answer: LocalAnswer = org
      ? safely(() => org!.answer(request.path, new URLSearchParams(request.query)))
      : { status: 404, body: { error: { code: 'not-found', message: 'no files loaded' } } };
    post({ type: 'answer', id: request.id, answer });
    return;
  }
  const started = performance.now();
  try {
    org = await loadPicked(
      request.files.map(({ path, file }) => ({ path, text: () => file.text() })),
      { parseHcl, onProgress: (progress) => post({ type: 'progress', progress }), ...(request.over ? { over: request.over } : {}) },
    );
    post({ type: 'loaded', files: org.fileCount, flows: org.flowCount, ms: Math.round(performance.now() - started) });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};

function safely(answer: () => LocalAnswer): LocalAnswer {
  try {
    return answer();
  } catch (error) {
    return { status: 400, body: { error: { code: 'bad-request', message: error instanceof Error ? error.message : String(error) } } };
  }
}
