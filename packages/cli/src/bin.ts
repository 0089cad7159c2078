#!/usr/bin/env node
import { executeCli } from './cli.js';

// The only place that touches process state: streams, env, exit code, Ctrl-C.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => interrupt.abort());

// `flowgraph analyze … | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

if (process.env.FLOWGRAPH_REPORT_RESOURCES === '1') {
  // For bench/: peak resident set size and CPU time of the whole process, read as late as possible.
  // CPU time beside wall time, because a busy shared machine stretches wall time only.
  process.once('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    process.stderr.write(`flowgraph-resources maxRSS=${usage.maxRSS}KiB cpu=${cpuMs}ms\n`);
  });
}

process.exitCode = await executeCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  signal: interrupt.signal,
  stdin: process.stdin,
  stdinIsTTY: process.stdin.isTTY === true,
});
