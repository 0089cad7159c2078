import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this many nodes the inputs are small and a full collection would cost more than it frees. */
export const LARGE_GRAPH_NODES = 100_000;

let collect: (() => void) | undefined;

/**
 * One full garbage collection between loading and analysing a large graph. Once the graph is
 * built, the input files' text and parse trees are garbage (on the 500k-step bench: 63 MB of text
 * and 107 MB of parsed JSON beside a 168 MB graph), but V8's last full collection ran mid-import
 * and set the heap's next growth limit from a heap that still held them: analysis and the JSON
 * output then grew the heap to ~430 MB before the next one. Collecting here bases that limit on
 * the graph alone: peak RSS 531 → ~440 MiB on the bench. The CLI process only (never core, never
 * a library caller's process), and only for graphs of `LARGE_GRAPH_NODES` or more.
 */
export function collectGarbageAfterLoading(nodes: number): boolean {
  if (nodes < LARGE_GRAPH_NODES) return false;
  if (collect === undefined) {
    // `gc` is exposed only to contexts made after the flag is set: the new context's is the
    // process's collector.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc !== 'function') return false;
    collect = () => gc();
  }
  collect();
  return true;
}
