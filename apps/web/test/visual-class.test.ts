import { describe, expect, it } from 'vitest';
import { stylesheet } from '../src/graph/stylesheet.js';
import { VISUAL_CLASSES } from '../src/graph/visual-class.js';

describe('[U] visual classes', () => {
  it('styles every class the visual state can set, and no class outside that union', () => {
    const selectors = stylesheet.map((rule) => rule.selector).join(',');
    const styled = new Set([...selectors.matchAll(/\.([a-z-]+)/g)].map((match) => match[1]));
    expect([...styled].sort()).toEqual([...VISUAL_CLASSES].sort());
  });
});
