/// <reference lib="webworker" />
import { type GraphReadProgress, type ReadGraph, readGraph } from './read-graph.js';

export type GraphWorkerReply =
  | { type: 'progress'; progress: GraphReadProgress }
  | { type: 'done'; result: ReadGraph }
  | { type: 'failed'; message: string };

const post = (reply: GraphWorkerReply) => self.postMessage(reply);

// Parsing, decoding, layout and the canvas's elements, off the main thread: one graph per worker.
self.onmessage = (event: MessageEvent<{ body: unknown }>) => {
  try {
    post({ type: 'done', result: readGraph(event.data.body, (progress) => post({ type: 'progress', progress })) });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
