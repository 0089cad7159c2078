import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';

export interface ProcessRun {
  wallMs: number;
  /** Peak resident set size (VmHWM) in MiB, as the process reported it just before exiting. */
  peakMiB: number;
  /** User + system CPU time: unlike wall time, not stretched by other work on a busy machine. */
  cpuMs: number;
  exitCode: number | null;
}

/**
 * Runs `node <args>` with stdout to /dev/null (the bench measures producing the output, not a
 * terminal drawing it) and FLOWGRAPH_REPORT_RESOURCES=1, which makes the CLI print its maxRSS.
 */
export function measureProcess(args: string[]): Promise<ProcessRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
      env: { ...process.env, FLOWGRAPH_REPORT_RESOURCES: '1', NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      const match = /flowgraph-resources maxRSS=(\d+)KiB cpu=(\d+)ms/.exec(stderr);
      if (!match) {
        reject(new Error(`the CLI did not report its memory (exit ${exitCode}):\n${stderr.slice(-2000)}`));
        return;
      }
      resolvePromise({ wallMs, peakMiB: Number(match[1]) / 1024, cpuMs: Number(match[2]), exitCode });
    });
  });
}
