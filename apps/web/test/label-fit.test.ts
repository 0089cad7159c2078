import { describe, expect, it } from 'vitest';
import { fitLabel } from '../src/graph/label-fit.js';

/** Every character 6 units wide, the ellipsis too. */
const measure = (text: string) => text.length * 6;

describe('[U] labels fitted to their node', () => {
  it('leaves a label that fits as it is', () => {
    expect(fitLabel('Main IVR', ' (+6)', measure, 100)).toBe('Main IVR (+6)');
  });

  it('cuts the name, never the count, to the longest prefix that fits with an ellipsis', () => {
    const fitted = fitLabel('Send SMS and Create Supervisor Callback 31', ' (+6)', measure, 120);
    expect(fitted).toBe('Send SMS and C… (+6)');
    expect(measure(fitted)).toBeLessThanOrEqual(120);
    // One more character of the name would not fit.
    expect(measure('Send SMS and Cr… (+6)')).toBeGreaterThan(120);
  });

  it('drops a space before the ellipsis and keeps the count when no character fits', () => {
    expect(fitLabel('Send SMS', '', measure, 30)).toBe('Send…');
    expect(fitLabel('Queue', ' (+120)', measure, 40)).toBe('… (+120)');
  });
});
