import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/util/compare.js';

describe('[U] compareVersions', () => {
  it('compares segment by segment, numerically', () => {
    expect(compareVersions('10.0', '9.0')).toBe(1);
    expect(compareVersions('1.2', '1.10')).toBe(-1);
    expect(compareVersions('2', '2.0')).toBe(0);
    expect(compareVersions('3.0.1', '3.0')).toBe(1);
    expect(compareVersions('1.0-beta', '1.0-alpha')).toBe(1);
  });
});
