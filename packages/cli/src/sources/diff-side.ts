import { type FlowGraph, type ImportIssue, loadGraph } from '@flowgraph/core';
import { isSnapshotRef, openExistingStore, StoreError } from '@flowgraph/store';
import { InputError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { Progress } from '../render/progress-bar.js';
import { dataDirOf } from '../store/data-dir.js';
import { loadSource, type SourceSettings } from './load-source.js';

/** One side of a diff: paths (files, folders, snapshot files), a store reference, or the live org. */
export type DiffSideSpec = { kind: 'files'; paths: string[] } | { kind: 'store'; ref: string } | { kind: 'live' };

export interface LoadedSide {
  graph: FlowGraph;
  issues: ImportIssue[];
  /** How the side is named in the report: `@3 (demo, 2026-05-01 10:00)`, `flows/`, `live org`. */
  label: string;
}

export function sideSpec(text: string): DiffSideSpec {
  return isSnapshotRef(text) ? { kind: 'store', ref: text } : { kind: 'files', paths: [text] };
}

/**
 * Loads one side. Store references resolve in `org` when given, else in the org of the newest
 * stored snapshot, so `diff @previous @latest` compares the last two crawls of one org.
 */
export async function loadSide(
  spec: DiffSideSpec,
  options: { settings: SourceSettings; org?: string | undefined },
  io: CliIo,
  progress: Progress,
): Promise<LoadedSide> {
  if (spec.kind === 'store') {
    const dir = dataDirOf(io);
    const store = openExistingStore({ dir });
    if (store === undefined) throw new InputError(`${spec.ref}: there is no snapshot store in ${dir} yet ("flowgraph fetch" fills it)`);
    try {
      const org = options.org ?? store.latest()?.org;
      const record = store.resolve(spec.ref, spec.ref.startsWith('@') && /^@\d+$/.test(spec.ref) ? undefined : org);
      progress.phase(`reading @${record.id}`);
      const snapshot = store.load(record.id);
      const loaded = loadGraph([{ path: `@${record.id}`, text: JSON.stringify(snapshot) }]);
      return {
        graph: loaded.graph,
        issues: loaded.issues,
        label: `@${record.id} (${record.org}, ${record.fetchedAt.slice(0, 16).replace('T', ' ')})`,
      };
    } catch (error) {
      if (error instanceof StoreError) throw new InputError(error.message);
      throw error;
    } finally {
      store.close();
    }
  }
  // `--live` takes its credentials from the environment (GENESYSCLOUD_*), as documented for diff.
  const source = spec.kind === 'live' ? { kind: 'live' as const, credentials: { 'client-secret-stdin': false } } : spec;
  const loaded = await loadSource(source, options.settings, io, progress);
  return {
    graph: loaded.graph,
    issues: [...loaded.settingIssues, ...loaded.issues],
    label: spec.kind === 'live' ? 'the live org' : spec.paths.join(', '),
  };
}
