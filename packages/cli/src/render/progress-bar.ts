import type { CliIo } from '../io.js';

export interface Progress {
  /** A named phase without a count (reading files, analysing). */
  phase(label: string): void;
  /** Counted work: `done` of `total`, with an optional detail such as requests or waits. */
  update(label: string, done: number, total: number, detail?: string): void;
  /** Erase the bar so the report that follows starts on a clean line. */
  stop(): void;
}

const WIDTH = 24;
// Short jobs should not flicker a bar; anything over a second gets one.
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 80;

/** A one-line bar on stderr, drawn only on a terminal and only for work that lasts over a second. */
export function createProgress(io: Pick<CliIo, 'stderr' | 'isTTY' | 'stderrIsTTY'>, now = Date.now): Progress {
  if (!(io.stderrIsTTY ?? io.isTTY)) return { phase() {}, update() {}, stop() {} };
  const startedAt = now();
  let lastDrawAt = 0;
  let drawn = false;
  let latest = '';
  const draw = (line: string, force = false) => {
    latest = line;
    const at = now();
    if (at - startedAt < SHOW_AFTER_MS || (!force && at - lastDrawAt < REDRAW_EVERY_MS)) return;
    lastDrawAt = at;
    drawn = true;
    io.stderr.write(`\r\x1b[2K${latest}`);
  };
  // Work that emits no event for a while (one big synchronous phase) still gets its bar once it resumes.
  const timer = setTimeout(() => draw(latest, true), SHOW_AFTER_MS);
  timer.unref?.();
  return {
    phase(label) {
      draw(`${label} …`, true);
    },
    update(label, done, total, detail) {
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
      draw(`${label} ${bar} ${percent} ${done}/${total}${detail ? ` · ${detail}` : ''}`, done >= total);
    },
    stop() {
      clearTimeout(timer);
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
