import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeCli } from '../src/cli.js';
import type { CliIo } from '../src/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with string streams: what a user would see, without a child process. */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await executeCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
    cwd: process.cwd(),
    isTTY: false,
    ...io,
  });
  return { code, stdout, stderr };
}

export interface TutorialStep {
  type: string;
  name: string;
}

/** A tutorial-shape flow: steps by id and `[from, to, condition]` transitions (`to` may be another flow's id). */
export function tutorialFlow(
  id: string,
  name: string,
  steps: Record<string, TutorialStep>,
  transitions: Array<[string, string, string?]>,
  status = 'published',
) {
  return {
    id,
    name,
    version: '1.0',
    metadata: { status },
    definition: {
      nodes: steps,
      transitions: transitions.map(([from, to, condition], index) => ({ id: `t${index}`, from, to, condition: condition ?? 'next' })),
    },
  };
}

/** A temp folder with the given files (text, or JSON for anything else); removed by the returned cleanup. */
export async function tempFolder(files: Record<string, unknown>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'flowgraph-cli-'));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const menu = { type: 'menu', name: 'Main Menu' };
const task = { type: 'task', name: 'Route' };

/** Main Menu -> Billing, a menu repeat inside Main Menu, no cycle across flows. */
export const cleanOrg = [
  tutorialFlow('flow-main', 'Main Line', { m: menu, r: task }, [
    ['m', 'r', 'digit_1'],
    ['r', 'm', 'repeat'],
    ['r', 'flow-billing', 'transfer'],
  ]),
  tutorialFlow('flow-billing', 'Billing', { b: { type: 'task', name: 'Take payment' } }, []),
];

/** Main Line -> Billing -> Main Line: an org cycle that blocks deployment. */
export const cyclicOrg = [
  cleanOrg[0],
  tutorialFlow('flow-billing', 'Billing', { b: { type: 'task', name: 'Take payment' } }, [['b', 'flow-main', 'transfer']]),
];
