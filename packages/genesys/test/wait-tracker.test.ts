import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitTracker } from '../src/monitor/wait-tracker.js';
import { VirtualClock } from './helpers/virtual-clock.js';

/** Length of the union of [start, end) intervals, the brute-force way: every unit of time. */
function coveredTime(intervals: ReadonlyArray<readonly [number, number]>): number {
  const covered = new Set<number>();
  for (const [start, end] of intervals) for (let t = start; t < end; t++) covered.add(t);
  return covered.size;
}

describe('[U] WaitTracker', () => {
  it('counts overlapping waits once in wall time and each in the sum', () => {
    const clock = new VirtualClock();
    clock.time = 0;
    const waits = new WaitTracker(clock);
    const first = waits.begin();
    clock.time = 5;
    const second = waits.begin();
    clock.time = 10;
    expect(first()).toBe(10);
    // While the second still waits, both figures count up to now.
    expect(waits.wallMs).toBe(10);
    expect(waits.summedMs).toBe(15);
    clock.time = 20;
    expect(second()).toBe(15);
    clock.time = 30;
    const third = waits.begin();
    clock.time = 34;
    third();
    expect(waits.wallMs).toBe(24);
    expect(waits.summedMs).toBe(29);
    // Ending a wait twice changes nothing.
    expect(third()).toBe(0);
    expect(waits.summedMs).toBe(29);
  });

  it('wall time is the length of the union of the waits, the sum their total length (property)', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 })).map(([start, length]) => {
      const pair: readonly [number, number] = [start, start + length];
      return pair;
    });
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 20 }), (intervals) => {
        const clock = new VirtualClock();
        const waits = new WaitTracker(clock);
        // Replay the starts and ends in time order; at equal times ends come first, as a wait that
        // ends when another starts does not overlap it. Zero-length waits add nothing to either figure.
        const events = intervals
          .filter(([start, end]) => end > start)
          .flatMap(([start, end], index) => [
            { time: start, kind: 1, index },
            { time: end, kind: 0, index },
          ]);
        events.sort((a, b) => a.time - b.time || a.kind - b.kind);
        const ends = new Map<number, () => number>();
        for (const event of events) {
          clock.time = event.time;
          if (event.kind === 1) ends.set(event.index, waits.begin());
          else ends.get(event.index)?.();
        }
        for (const end of ends.values()) end();
        expect(waits.wallMs).toBe(coveredTime(intervals));
        expect(waits.summedMs).toBe(intervals.reduce((sum, [start, end]) => sum + end - start, 0));
      }),
    );
  });
});
