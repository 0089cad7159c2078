import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Snapshot, SnapshotSchema } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { CrawlFailedError, CrawlPendingError } from '../src/errors.js';
import { CrawlSource } from '../src/org/crawl-source.js';
import type { CrawlProgress } from '../src/org/graph-source.js';
import type { OrgClient } from '../src/org/org-client.js';
import { createRedactor } from '../src/logger.js';

const SECRET = 'crawl-source-test-secret-8c1f';
const snapshot: Snapshot = SnapshotSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/snapshot-org.json'), 'utf8')),
);

/** An OrgClient whose crawls succeed or fail as the test says, reporting one page of progress. */
function scriptedClient(outcomes: Array<'ok' | 'fail'>): OrgClient & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    async crawl(onProgress, signal) {
      signals.push(signal);
      onProgress({ phase: 'listing', pages: 1, requests: 2 });
      onProgress({ phase: 'dependencies', flowsDone: 3, flowsTotal: 3, requests: 5 });
      if (outcomes.shift() === 'fail') throw new Error(`token refused for secret ${SECRET}`);
      return snapshot;
    },
    flowConfiguration: async () => ({}),
    metrics: () => ({ requests: 5, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, endpoints: [] }),
  };
}

function sourceWith(client: OrgClient, logged: string[]): CrawlSource {
  return new CrawlSource({
    info: { kind: 'live', region: 'eu-west-1' },
    client,
    log: (line) => logged.push(line),
    redact: createRedactor([SECRET]),
  });
}

describe('[I] CrawlSource', () => {
  it('crawls, reports every phase and serves the linked snapshot graph', async () => {
    const source = sourceWith(scriptedClient(['ok']), []);
    const phases: CrawlProgress['phase'][] = [];
    source.subscribe((progress) => phases.push(progress.phase));
    expect(() => source.current()).toThrow(CrawlPendingError);
    expect(source.refresh()).toBe(true);
    expect(source.refresh()).toBe(false);
    await source.settled();
    expect(phases).toEqual(['token', 'listing', 'dependencies', 'analyzing', 'done']);
    const loaded = source.current();
    expect(loaded.fetchedAt).toBe(snapshot.fetchedAt);
    const names = [...loaded.graph.nodes.values()].map((node) => node.name);
    expect(names).toEqual(expect.arrayContaining(['Main Inbound', 'Customer Lookup']));
    expect(source.progress()).toMatchObject({ phase: 'done', requests: 5, flowsDone: 3 });
  });

  it('fails with the client message, with the secret removed from progress and logs', async () => {
    const logged: string[] = [];
    const source = sourceWith(scriptedClient(['fail']), logged);
    source.refresh();
    await source.settled();
    expect(source.progress().phase).toBe('failed');
    expect(source.progress().message).toContain('token refused');
    expect(JSON.stringify(source.progress())).not.toContain(SECRET);
    expect(logged.join('\n')).not.toContain(SECRET);
    expect(() => source.current()).toThrow(CrawlFailedError);
  });

  it('keeps the last good graph when a refresh fails', async () => {
    const source = sourceWith(scriptedClient(['ok', 'fail']), []);
    source.refresh();
    await source.settled();
    const first = source.current();
    source.refresh();
    await source.settled();
    expect(source.progress().phase).toBe('failed');
    expect(source.current()).toBe(first);
  });

  it('aborts the crawl on close and starts no new one', async () => {
    const client = scriptedClient(['ok']);
    const source = sourceWith(client, []);
    source.refresh();
    await source.close();
    expect(client.signals[0]?.aborted).toBe(true);
    expect(source.refresh()).toBe(false);
  });
});
