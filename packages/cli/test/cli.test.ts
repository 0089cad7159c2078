import { describe, expect, it } from 'vitest';
import { cleanOrg, runCli, tempFolder } from './helpers.js';

describe('[U] executeCli', () => {
  it('prints the command list on --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['analyze', 'check', 'impact', 'export', 'fetch', 'simulate']) expect(run.stdout).toContain(command);
  });

  it('exits 2 with usage on stderr when no command is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: flowgraph');
  });

  it('names an unknown command', async () => {
    const run = await runCli(['analyse', 'x.json']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^flowgraph: unknown command "analyse"/);
  });

  it.each([
    [['analyze', 'x.json', '--colour'], /Unknown option '--colour'/],
    [['analyze', 'x.json', '--format', 'yaml'], /invalid --format/],
    [['analyze', 'x.json', '--set', 'novalue'], /invalid --set: expected name=value/],
    [['analyze'], /give input files or folders, --live or --demo/],
    [['analyze', 'x.json', '--demo'], /not several of them/],
    [['impact', 'x.json'], /--node is required/],
    [['export', 'x.json'], /--format is required/],
    [['simulate', '--port', 'eighty'], /invalid --port/],
    [['fetch', '--region', 'eu-west-1', '--base-url', 'http://127.0.0.1:1'], /not both/],
  ])('rejects bad usage %j with exit 2 and no stack trace', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints each command’s help', async () => {
    const run = await runCli(['impact', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--direction down|up|both');
  });

  it('colours the report only on a terminal, and never with NO_COLOR', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cleanOrg });
    try {
      const piped = await runCli(['analyze', 'org.json'], { cwd: dir, isTTY: false });
      const terminal = await runCli(['analyze', 'org.json'], { cwd: dir, isTTY: true });
      const noColor = await runCli(['analyze', 'org.json'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } });
      expect(piped.stdout).not.toContain('\x1b[');
      expect(terminal.stdout).toContain('\x1b[');
      expect(noColor.stdout).toBe(piped.stdout);
    } finally {
      await cleanup();
    }
  });
});
