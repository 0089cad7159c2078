import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli } from '../packages/cli/scripts/bundle.js';
import { median } from './stats.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface StartupRow {
  what: string;
  /** Wall times of each run, ms. */
  runs: number[];
}

/**
 * CLI start-up as a developer runs it (tsx transpiling the sources, with and without pnpm) and as
 * a user runs it (the packed tarball installed with npm into a temporary prefix): `--version`,
 * and `check` of the two example files, which loads and analyses.
 */
export async function runStartupBench(runs = 5): Promise<StartupRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'flowgraph-startup-'));
  try {
    await bundleCli();
    execFileSync('pnpm', ['--filter', '@flowgraph/cli', 'pack', '--pack-destination', work], { cwd: repoRoot, stdio: 'ignore' });
    const tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')) as string);
    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: work, stdio: 'ignore' });
    const installed = join(prefix, 'bin', 'flowgraph');
    const tsx = [process.execPath, '--conditions=@flowgraph/source', '--import', 'tsx', 'packages/cli/src/bin.ts'];
    const examples = join(repoRoot, 'examples');
    const commands: [string, string[]][] = [
      ['pnpm -s flowgraph --version (tsx)', ['pnpm', '-s', 'flowgraph', '--version']],
      ['node --import tsx bin.ts --version', [...tsx, '--version']],
      ['installed flowgraph --version', [installed, '--version']],
      ['node --import tsx bin.ts check examples/', [...tsx, 'check', examples]],
      ['installed flowgraph check examples/', [installed, 'check', examples]],
    ];
    return commands.map(([what, [command, ...args]]) => ({ what, runs: timeRuns(command as string, args, runs) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function timeRuns(command: string, args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

export function startupSummary(rows: readonly StartupRow[]): string[][] {
  return rows.map((row) => [row.what, (median(row.runs) / 1000).toFixed(2), row.runs.map((ms) => (ms / 1000).toFixed(2)).join(' ')]);
}
