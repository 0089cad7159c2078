import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ImportIssue, type InputFile, loadGraph, type ParsedSubstitutions, parseSubstitutions } from '@flowgraph/core';
import { InputError } from '../errors.js';
import { collectInputFiles, describeFsError } from '../inputs/collect-files.js';
import type { CliIo } from '../io.js';
import { parseAssignments, type GraphSource } from '../options/source-options.js';
import type { Progress } from '../render/progress-bar.js';
import { crawlDemo, crawlLive } from './crawl-source.js';

export interface SourceSettings {
  set: string[];
  substitutions?: string | undefined;
}

export type LoadedGraph = ReturnType<typeof loadGraph> & {
  /** Problems with the substitutions file itself; reported with the import errors. */
  settingIssues: ImportIssue[];
};

/** Input paths, a live org or the demo simulator -> one imported graph with its import summary. */
export async function loadSource(source: GraphSource, settings: SourceSettings, io: CliIo, progress: Progress): Promise<LoadedGraph> {
  const { values, issues } = await readSubstitutions(settings, io.cwd);
  let files: InputFile[];
  if (source.kind === 'files') {
    progress.phase('reading files');
    // No flow file at all is not a usage error: `check` fails on it (nothing imported) unless --allow-empty.
    files = await collectInputFiles(source.paths, io.cwd);
  } else {
    const snapshot = source.kind === 'live' ? await crawlLive(io, progress) : await crawlDemo(io, progress);
    // The crawl's snapshot goes through the same importer as a snapshot file, so both read the same.
    files = [{ path: `${source.kind}:${snapshot.source.region ?? snapshot.source.baseUrl ?? 'org'}`, text: JSON.stringify(snapshot) }];
  }
  progress.phase(`importing ${files.length} file${files.length === 1 ? '' : 's'}`);
  const loaded = loadGraph(files, { substitutions: values });
  return { ...loaded, settingIssues: issues };
}

/** `--substitutions FILE` (a Terraform file with `substitutions = {…}` maps, or JSON), then `--set`, which wins. */
async function readSubstitutions(settings: SourceSettings, cwd: string): Promise<ParsedSubstitutions> {
  let values: Record<string, string> = {};
  let issues: ImportIssue[] = [];
  if (settings.substitutions) {
    const text = await readFile(resolve(cwd, settings.substitutions), 'utf8').catch((error: unknown) => {
      throw new InputError(`cannot read --substitutions ${settings.substitutions}: ${describeFsError(error)}`);
    });
    ({ values, issues } = parseSubstitutions(text, settings.substitutions));
  }
  return { values: { ...values, ...parseAssignments(settings.set) }, issues };
}
