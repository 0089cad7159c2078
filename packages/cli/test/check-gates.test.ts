import { execFile } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanOrg, runCli, tempFolder } from './helpers.js';
import { analysisReportSchema } from '@flowgraph/core';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const MODULE =
  'commonModule:\n  name: Billing Module\n  tasks:\n    - task:\n        name: Main\n        refId: Main_1\n        actions:\n          - endTask:\n              name: Done\n';

describe('[I] flowgraph check: an honest CI gate', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder({
      'clean.json': cleanOrg,
      'module.yaml': MODULE,
      'empty.yaml': '',
      'broken.yaml': 'inboundCall:\n  name: [unclosed\n',
      'notes.json': '{"not": "a flow"}',
    });
  });
  afterAll(() => folder.cleanup());
  const check = (...argv: string[]) => runCli(['check', ...argv], { cwd: folder.dir });

  it('exits 0 when every input imports and nothing is wrong', async () => {
    const run = await check('clean.json', 'module.yaml');
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 1 when nothing was imported, unless --allow-empty', async () => {
    const empty = await check('empty.yaml');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no flow was imported');
    // Two files that both fail: nothing imported and two failed inputs.
    const bothFail = await check('broken.yaml', 'notes.json');
    expect(bothFail.code).toBe(1);
    expect(bothFail.stderr).toMatch(/import errors? in 2 inputs/);
    expect(bothFail.stderr).toContain('no flow was imported');
    // A folder without flow files imports nothing: a failure, unless the pipeline says that is fine.
    await mkdir(join(folder.dir, 'no-flows'));
    await writeFile(join(folder.dir, 'no-flows', 'README.md'), '# nothing');
    expect((await check('no-flows')).code).toBe(1);
    expect(await check('no-flows', '--allow-empty')).toMatchObject({ code: 0, stderr: '' });
    // A path that does not exist is a usage error (a typo), not an empty input.
    expect((await check('nothing-here', '--allow-empty')).code).toBe(2);
  });

  it('exits 1 when one input failed and the others imported, and reports errors apart from warnings', async () => {
    const run = await check('clean.json', 'broken.yaml', '--format', 'json');
    expect(run.code).toBe(1);
    const json = analysisReportSchema.parse(JSON.parse(run.stdout));
    expect([...new Set(json.errors.map((issue) => issue.file))]).toEqual(['broken.yaml']);
    expect(json.errors.every((issue) => issue.severity === 'error')).toBe(true);
    expect(json.warnings.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(run.stderr).toMatch(/flowgraph check: failed: \d+ import errors? in 1 input\n/);
  });

  it('follows symbolic links once: a link loop ends, a file reached twice is read once', async () => {
    const dir = join(folder.dir, 'linked');
    await mkdir(join(dir, 'flows'), { recursive: true });
    await writeFile(join(dir, 'flows', 'module.yaml'), MODULE);
    await symlink('..', join(dir, 'flows', 'loop'));
    await symlink(join(dir, 'flows', 'module.yaml'), join(dir, 'again.yaml'));
    const run = await runCli(['analyze', 'linked', '--format', 'json'], { cwd: folder.dir });
    const json = analysisReportSchema.parse(JSON.parse(run.stdout));
    expect(json.imports.files.total).toBe(1);
    expect(json.findings.filter((finding) => finding.code === 'duplicate-flow')).toEqual([]);
  });
});

/** Runs the real bin as another user: root reads every file, so only a non-root uid meets "permission denied". */
function runBinAs(uid: number, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const node = ['--conditions=@flowgraph/source', '--import', 'tsx', 'packages/cli/src/bin.ts', ...argv];
  const [command, args] =
    process.getuid?.() === 0
      ? ['setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', process.execPath, ...node]]
      : [process.execPath, node];
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', HOME: '/tmp' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const NOBODY = 65534;
const canDropPrivileges = process.getuid?.() !== 0 || (await runBinAs(NOBODY, ['--help']).catch(() => ({ code: -1 }))).code === 0;
if (!canDropPrivileges) console.log('[skipped] unreadable-input test: running as root and cannot run the CLI as another user (setpriv)');

describe.skipIf(!canDropPrivileges)('[E] flowgraph check on unreadable inputs', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder({ 'clean.json': cleanOrg, 'secret.yaml': MODULE });
    await mkdir(join(folder.dir, 'locked'));
    await writeFile(join(folder.dir, 'locked', 'hidden.yaml'), MODULE);
    await chmod(folder.dir, 0o755);
    await chmod(join(folder.dir, 'clean.json'), 0o644);
    await chmod(join(folder.dir, 'secret.yaml'), 0o000);
    await chmod(join(folder.dir, 'locked'), 0o000);
  });
  afterAll(() => folder.cleanup());

  it('reports an unreadable file and folder each as a failed input, analyses the rest and exits 1', async () => {
    const run = await runBinAs(NOBODY, ['check', folder.dir, '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const json = analysisReportSchema.parse(JSON.parse(run.stdout));
    expect(json.imports.files).toMatchObject({ total: 3, failed: 2 });
    expect(json.errors.map((issue) => [issue.file.replace(`${folder.dir}/`, ''), issue.message])).toEqual([
      ['locked', 'cannot read: permission denied'],
      ['secret.yaml', 'cannot read: permission denied'],
    ]);
    expect(json.summary.flows).toBeGreaterThan(0);
  });
});
