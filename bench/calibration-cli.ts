import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The code issue 12 measured when it set the analyze target: the CLI of 26 November, 2.3–2.5 s
 * wall on that day's machine (median 2.4 s). Machines here differ by 2× from day to day, so the
 * target is read on another machine as this CLI's time there, scaled: 1.2 s is half of it.
 */
export const CALIBRATION_CLI = { commit: 'e3609ce', wallMs: 2400 };

/**
 * Bundles the CLI of an earlier commit, as that commit bundled it, into
 * `<outDir>/calibration-<commit>/flowgraph.js` (kept: later runs reuse it). The commit is checked
 * out in a temporary git worktree with its own locked dependencies; needs the repository's history.
 */
export function buildCalibrationCli(commit: string, outDir: string): string {
  const target = join(outDir, `calibration-${commit}`, 'flowgraph.js');
  if (existsSync(target)) return target;
  const git = (...args: string[]) => execFileSync('git', ['-C', repoRoot, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('cat-file', '-e', `${commit}^{commit}`);
  } catch {
    throw new Error(`commit ${commit} is not in this clone's history (a shallow clone? git fetch --unshallow)`);
  }
  const worktree = join(mkdtempSync(join(tmpdir(), 'flowgraph-calibration-')), 'checkout');
  git('worktree', 'add', '--detach', worktree, commit);
  try {
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { cwd: worktree, stdio: ['ignore', 'ignore', 'pipe'] });
    // Where the bundler lived then: bench/ until the CLI got its own build script.
    const bundler = ['packages/cli/scripts/bundle.ts', 'bench/bundle-cli.ts'].find((file) => existsSync(join(worktree, file)));
    if (bundler === undefined) throw new Error(`commit ${commit} has no CLI bundler`);
    const script = `import(${JSON.stringify(`./${bundler}`)}).then((m) => m.bundleCli(process.argv[1]))`;
    execFileSync(process.execPath, ['--conditions=@flowgraph/source', '--import', 'tsx', '-e', script, target], {
      cwd: worktree,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } finally {
    git('worktree', 'remove', '--force', worktree);
    rmSync(join(worktree, '..'), { recursive: true, force: true });
  }
  return target;
}
