import { spawnSync } from 'node:child_process';

/** Renders DOT with the real Graphviz; every DOT text a test produces goes through here. */
export function renderDot(dot: string): { status: number | null; stderr: string; svg: string } {
  const run = spawnSync('/usr/bin/dot', ['-Tsvg'], { input: dot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stderr: run.stderr, svg: run.stdout };
}
