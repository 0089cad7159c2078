import { describe, expect, it } from 'vitest';
import { collectGarbageAfterLoading, LARGE_GRAPH_NODES } from '../src/sources/collect-garbage.js';

/** A WeakRef to an object nothing else holds; made in its own frame so no register keeps it. */
function unreachable(): WeakRef<object> {
  return new WeakRef({ payload: new Array(1000).fill('garbage') });
}

// A WeakRef's target stays alive until the current job ends: let it end before collecting.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('[U] collectGarbageAfterLoading', () => {
  it('leaves a small graph to V8 (no collection forced)', () => {
    expect(collectGarbageAfterLoading(LARGE_GRAPH_NODES - 1)).toBe(false);
  });

  it('collects what is unreachable once the graph is large', async () => {
    const ref = unreachable();
    await nextTask();
    expect(collectGarbageAfterLoading(LARGE_GRAPH_NODES)).toBe(true);
    expect(ref.deref()).toBeUndefined();
    // The collector is made once and reused.
    expect(collectGarbageAfterLoading(LARGE_GRAPH_NODES * 5)).toBe(true);
  });
});
