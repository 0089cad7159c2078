import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/render/progress-bar.js';

function recorder(stderrIsTTY: boolean) {
  const writes: string[] = [];
  let now = 0;
  const progress = createProgress({ stderr: { write: (chunk: string) => writes.push(chunk) }, isTTY: false, stderrIsTTY }, () => now);
  return { writes, progress, advance: (ms: number) => (now += ms) };
}

describe('[U] progress bar', () => {
  it('stays silent for the first second, then draws on one line and erases itself', () => {
    const { writes, progress, advance } = recorder(true);
    progress.update('dependencies', 10, 100);
    expect(writes).toEqual([]);
    advance(1500);
    progress.update('dependencies', 50, 100, '52 requests');
    expect(writes.at(-1)).toBe('\r\x1b[2Kdependencies ████████████░░░░░░░░░░░░  50% 50/100 · 52 requests');
    progress.stop();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('never writes when stderr is not a terminal', () => {
    const { writes, progress, advance } = recorder(false);
    advance(5000);
    progress.phase('analysing');
    progress.update('dependencies', 100, 100);
    progress.stop();
    expect(writes).toEqual([]);
  });
});
