import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleCli, DEFAULT_BUNDLE } from '../packages/cli/scripts/bundle.js';
import { generateTutorialOrg, type TutorialOrgStats } from './generate-tutorial-org.js';
import { measureProcess, type ProcessRun } from './measure-process.js';

/** Issue 12: the whole process with the installed (bundled) CLI. */
export const ANALYZE_TARGET = { wallMs: 1200, peakMiB: 500 };

export interface AnalyzeBenchResult {
  org: TutorialOrgStats;
  fileMiB: number;
  runs: ProcessRun[];
}

/** `flowgraph analyze <500k-step org> --format json > /dev/null`, whole process, bundled CLI, 5 runs (the table shows medians). */
export async function runAnalyzeBench(outDir: string, runs = 5): Promise<AnalyzeBenchResult> {
  await mkdir(outDir, { recursive: true });
  const orgFile = join(outDir, 'tutorial-org-2000x250.json');
  const { json, stats } = generateTutorialOrg({ flows: 2000, stepsPerFlow: 250, seed: 20261126, orgCycles: 3 });
  await writeFile(orgFile, json);
  // Where the package builds it: its external dependencies (SQLite, the HCL parser) resolve from there.
  const cli = DEFAULT_BUNDLE;
  await bundleCli(cli);
  const results: ProcessRun[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await measureProcess([cli, 'analyze', orgFile, '--format', 'json']);
    if (result.exitCode !== 0) throw new Error(`flowgraph analyze exited with ${result.exitCode}`);
    results.push(result);
  }
  return { org: stats, fileMiB: (await stat(orgFile)).size / 2 ** 20, runs: results };
}
