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
  /** The same file only read and parsed by `JSON.parse`, in a process of its own, as often. */
  reference: ProcessRun[];
  /** The calibration CLI (an earlier bundled CLI) on the same file, as often; empty without one. */
  calibration: ProcessRun[];
}

/**
 * What a machine makes of the bare minimum: read the file and `JSON.parse` it, whole process.
 * Machines here differ by 2× from day to day (the code of 26 November took 2.3–2.5 s that day and
 * 4.6–4.8 s on 2 December's machine), so an analyze time is read against this, not alone.
 */
const PARSE_ONLY = [
  // The CLI's own way of reading a file (fs/promises with an encoding: twice as fast here as readFileSync).
  "require('node:fs/promises').readFile(process.argv[1], 'utf8').then((text) => {",
  'JSON.parse(text);',
  'const usage = process.resourceUsage();',
  'const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);',
  // The line the CLI prints under FLOWGRAPH_REPORT_RESOURCES, which measureProcess reads.
  "process.stderr.write('flowgraph-resources maxRSS=' + usage.maxRSS + 'KiB cpu=' + cpuMs + 'ms\\n');",
  '});',
].join(' ');

/**
 * `flowgraph analyze <500k-step org> --format json > /dev/null`, whole process, bundled CLI, 5 runs
 * (the table shows medians); with `calibrationCli`, that CLI's runs alternated with them.
 */
export async function runAnalyzeBench(outDir: string, calibrationCli?: string, runs = 5): Promise<AnalyzeBenchResult> {
  await mkdir(outDir, { recursive: true });
  const orgFile = join(outDir, 'tutorial-org-2000x250.json');
  const { json, stats } = generateTutorialOrg({ flows: 2000, stepsPerFlow: 250, seed: 20261126, orgCycles: 3 });
  await writeFile(orgFile, json);
  // Where the package builds it: its external dependencies (SQLite, the HCL parser) resolve from there.
  const cli = DEFAULT_BUNDLE;
  await bundleCli(cli);
  const results: ProcessRun[] = [];
  const reference: ProcessRun[] = [];
  const calibration: ProcessRun[] = [];
  // Alternated, so that a change in the machine's load weighs on all alike.
  for (let run = 0; run < runs; run++) {
    const result = await measureProcess([cli, 'analyze', orgFile, '--format', 'json']);
    if (result.exitCode !== 0) throw new Error(`flowgraph analyze exited with ${result.exitCode}`);
    results.push(result);
    if (calibrationCli !== undefined) {
      const earlier = await measureProcess([calibrationCli, 'analyze', orgFile, '--format', 'json']);
      if (earlier.exitCode !== 0) throw new Error(`the calibration CLI ${calibrationCli} exited with ${earlier.exitCode}`);
      calibration.push(earlier);
    }
    const parsed = await measureProcess(['-e', PARSE_ONLY, orgFile]);
    if (parsed.exitCode !== 0) throw new Error(`reading and parsing ${orgFile} exited with ${parsed.exitCode}`);
    reference.push(parsed);
  }
  return { org: stats, fileMiB: (await stat(orgFile)).size / 2 ** 20, runs: results, reference, calibration };
}
