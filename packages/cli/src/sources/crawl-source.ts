import { resolve } from 'node:path';
import type { Snapshot } from '@flowgraph/core';
import { createGenesysClient, DEFAULT_CACHE_DIR } from '@flowgraph/genesys';
import type { CliIo } from '../io.js';
import type { CredentialFlags } from '../options/credential-options.js';
import { resolveCredentials } from '../options/resolve-credentials.js';
import type { Progress } from '../render/progress-bar.js';
import { crawlStatsOf, crawlStore } from '../store/save-crawl.js';
import { crawlWithProgress } from './crawl.js';

/**
 * `--live`: the org of the GENESYSCLOUD_* credentials (or the credential flags), through the disk
 * cache; incremental from the store, and kept there like a `fetch`.
 */
export async function crawlLive(flags: CredentialFlags, io: CliIo, progress: Progress): Promise<Snapshot> {
  const credentials = await resolveCredentials(flags, io);
  const client = createGenesysClient({ env: { ...io.env }, ...credentials, cache: { dir: resolve(io.cwd, DEFAULT_CACHE_DIR) } });
  const store = crawlStore(io, client, { store: true, full: false, sourceKind: 'live' });
  try {
    const startedAt = performance.now();
    const snapshot = await crawlWithProgress(client, progress, { signal: io.signal, sourceKind: 'live', reuse: store.reuse });
    store.save(snapshot, crawlStatsOf(snapshot, 'incremental', performance.now() - startedAt));
    return snapshot;
  } finally {
    store.close();
  }
}

/** `--demo`: an in-process simulator on a free loopback port, crawled through the real client. */
export async function crawlDemo(io: CliIo, progress: Progress): Promise<Snapshot> {
  // Loaded on demand: analyse/check of files never pays for Express.
  const { startDemoOrg } = await import('@flowgraph/simulator');
  progress.phase('starting the demo org');
  // The same demo org, with the same settings, as the app's (apps/server demo mode).
  const demo = await startDemoOrg(demoFlows(io));
  try {
    return await crawlWithProgress(createGenesysClient(demo.client), progress, { signal: io.signal, sourceKind: 'demo' });
  } finally {
    await demo.close();
  }
}

// FLOWGRAPH_DEMO_FLOWS picks another size (tests use a small org) without another public flag.
function demoFlows(io: CliIo): { flows?: number } {
  const wanted = Number(io.env.FLOWGRAPH_DEMO_FLOWS);
  return Number.isInteger(wanted) && wanted > 0 ? { flows: wanted } : {};
}
