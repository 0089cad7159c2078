import type { CrawlProgress } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { CrawlState } from '../src/org/crawl-state.js';

describe('[U] CrawlState', () => {
  it('walks idle -> running -> done and tells listeners every step', () => {
    const state = new CrawlState();
    const seen: CrawlProgress[] = [];
    state.subscribe((progress) => seen.push(progress));
    expect(state.start()).toBe(true);
    state.update({ phase: 'listing', pagesDone: 2 });
    state.update({ phase: 'dependencies', flowsDone: 3, flowsTotal: 10 });
    state.finish();
    expect(seen.map((progress) => progress.phase)).toEqual(['token', 'listing', 'dependencies', 'done']);
    expect(state.progress).toMatchObject({ phase: 'done', pagesDone: 2, flowsDone: 3, flowsTotal: 10 });
    expect(state.running).toBe(false);
  });

  it('refuses a second start while running and never moves a phase backwards', () => {
    const state = new CrawlState();
    state.start();
    expect(state.start()).toBe(false);
    state.update({ phase: 'dependencies' });
    state.update({ phase: 'listing', requests: 5 });
    expect(state.progress).toMatchObject({ phase: 'dependencies', requests: 5 });
  });

  it('ignores reports after the crawl ended, and restarts from zero', () => {
    const state = new CrawlState();
    state.start();
    state.update({ requests: 9 });
    state.fail('network down');
    state.update({ phase: 'dependencies', requests: 10 });
    state.finish();
    expect(state.progress).toMatchObject({ phase: 'failed', requests: 9, message: 'network down' });
    expect(state.start()).toBe(true);
    expect(state.progress).toMatchObject({ phase: 'token', requests: 0 });
    expect(state.progress.message).toBeUndefined();
  });

  it('stops calling a listener once unsubscribed', () => {
    const state = new CrawlState();
    let calls = 0;
    const unsubscribe = state.subscribe(() => calls++);
    state.start();
    unsubscribe();
    state.finish();
    expect(calls).toBe(1);
  });
});
