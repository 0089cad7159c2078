import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The one test that spawns a process: proves the bin wires argv, streams and the exit code. */
function runBin(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['--conditions=@flowgraph/source', '--import', 'tsx', 'packages/cli/src/bin.ts', ...argv];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('[E] bin', () => {
  it('prints help with exit 0, and sets exit code 2 for a missing input', async () => {
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: flowgraph <command>');
    const missing = await runBin(['check', 'does-not-exist.json']);
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'flowgraph: cannot read does-not-exist.json: no such file or folder\n' });
  });
});
