import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/snapshot-store.js';
import { spawnWriter } from './helpers/spawn-writer.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowgraph-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('[I] store under a crash and concurrent readers', () => {
  it('keeps every committed snapshot whole when the writer is killed (SIGKILL) mid-write', async () => {
    const writer = spawnWriter(dir, 1_000, 2_000);
    await writer.saved(2);
    // The writer goes straight on to the next snapshot: kill it while that one is being written.
    writer.child.kill('SIGKILL');
    expect(await writer.exited).toBeNull();

    const store = openStore({ dir });
    try {
      expect(store.integrity()).toBe('ok');
      const records = store.list();
      expect(records.length).toBeGreaterThanOrEqual(2);
      for (const record of records) {
        const snapshot = store.load(record.id);
        expect(snapshot.flows).toHaveLength(2_000);
        expect(snapshot.flows[0]?.publishedVersion?.id).toBe(`${records.length - records.indexOf(record)}.0`);
      }
      // Its flow versions are there too: a snapshot and its versions are one transaction.
      expect(store.versions('demo').lookup('flow-1999', `${records.length}.0`, 'INBOUNDCALLFLOW')).toBeDefined();
      expect(store.versions('demo').lookup('flow-0', `${records.length + 1}.0`, 'INBOUNDCALLFLOW')).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it('drops a write transaction cut off by SIGKILL and keeps what was committed before it', async () => {
    const writer = spawnWriter(dir, 3, 500, true);
    await writer.inTransaction;
    writer.child.kill('SIGKILL');
    expect(await writer.exited).toBeNull();
    const store = openStore({ dir });
    try {
      expect(store.integrity()).toBe('ok');
      expect(store.list().map((record) => record.source.label)).toEqual(['http://127.0.0.1:9', 'http://127.0.0.1:9', 'http://127.0.0.1:9']);
      for (const record of store.list()) expect(store.load(record.id).flows).toHaveLength(500);
      // The store still takes writes after the crash.
      expect(store.save(store.load(store.list()[0]?.id ?? 0), { org: 'demo' }).id).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('lets readers list and load while a crawl is being written', async () => {
    const writer = spawnWriter(dir, 15, 2_000);
    await writer.saved(1);
    const store = openStore({ dir });
    let reads = 0;
    let running = true;
    writer.exited.then(() => {
      running = false;
    });
    try {
      while (running) {
        const latest = store.latest('demo');
        expect(latest).toBeDefined();
        const snapshot = store.load(latest?.id ?? 0);
        expect(snapshot.flows).toHaveLength(latest?.stats.flows ?? -1);
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await writer.exited).toBe(0);
      expect(store.list()).toHaveLength(15);
      expect(reads).toBeGreaterThan(1);
    } finally {
      store.close();
    }
  });
});
