import { type ImportIssue, type InputFile, loadGraph, nodeCount } from '@flowgraph/core';
import { collectInputFiles, readSubstitutionSources } from '@flowgraph/inputs';
import type { CliIo } from '../io.js';
import { parseAssignments, type GraphSource } from '../options/source-options.js';
import type { Progress } from '../render/progress-bar.js';
import { collectGarbageAfterLoading } from './collect-garbage.js';

export interface SourceSettings {
  set: string[];
  substitutions: string[];
}

export type LoadedGraph = ReturnType<typeof loadGraph> & {
  /** Problems with the substitutions files themselves; reported with the import errors. */
  settingIssues: ImportIssue[];
};

/**
 * Input paths, a live org or the demo simulator -> one imported graph with its import summary.
 * Template values: each flow file gets the substitutions of the Terraform `genesyscloud_flow`
 * resource whose `filepath` names it, JSON / `name=value` files give values for every file, and
 * `--set` wins over both.
 */
export async function loadSource(source: GraphSource, settings: SourceSettings, io: CliIo, progress: Progress): Promise<LoadedGraph> {
  const loaded = await readAndImport(source, settings, io, progress);
  // The files' text and parse trees are garbage now; `readAndImport`'s frame, which held them,
  // is gone (collecting inside it kept them: an interpreter frame's stale registers are roots).
  collectGarbageAfterLoading(nodeCount(loaded.graph));
  return loaded;
}

async function readAndImport(source: GraphSource, settings: SourceSettings, io: CliIo, progress: Progress): Promise<LoadedGraph> {
  if (settings.substitutions.length > 0) progress.phase('reading substitutions');
  const substitutions = await readSubstitutionSources(settings.substitutions, io.cwd);
  let files: InputFile[];
  if (source.kind === 'files') {
    progress.phase('reading files');
    // No flow file at all is not a usage error: `check` fails on it (nothing imported) unless --allow-empty.
    files = await collectInputFiles(source.paths, io.cwd);
  } else {
    // Imported only here: reading files needs neither the Genesys client nor the snapshot store.
    const { crawlDemo, crawlLive } = await import('./crawl-source.js');
    const snapshot = source.kind === 'live' ? await crawlLive(source.credentials, io, progress) : await crawlDemo(io, progress);
    // The crawl's snapshot goes through the same importer as a snapshot file, so both read the same.
    files = [{ path: `${source.kind}:${snapshot.source.region ?? snapshot.source.baseUrl ?? 'org'}`, text: JSON.stringify(snapshot) }];
  }
  progress.phase(`importing ${files.length} file${files.length === 1 ? '' : 's'}`);
  const loaded = loadGraph(files, {
    substitutions: substitutions.values,
    overrides: parseAssignments(settings.set),
    terraform: substitutions.terraform,
  });
  return { ...loaded, settingIssues: substitutions.issues };
}
