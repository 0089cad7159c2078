import { describe, expect, it } from 'vitest';
import { openInBrowser } from '../src/serve-files.js';

describe('[U] --open', () => {
  it('opens nothing without a desktop, and says to open the URL instead', () => {
    const lines: string[] = [];
    expect(openInBrowser('http://127.0.0.1:8080', (line) => lines.push(line), {}, 'linux')).toBe(false);
    expect(lines).toEqual(['flowgraph: no desktop found (no DISPLAY or WAYLAND_DISPLAY): open http://127.0.0.1:8080 in a browser']);
  });

  it('asks the desktop to open the page when there is one (a missing opener is reported, not thrown)', async () => {
    const lines: string[] = [];
    // PATH without xdg-open: the spawn fails and says so.
    expect(openInBrowser('http://127.0.0.1:8080', (line) => lines.push(line), { DISPLAY: ':0', PATH: '/nonexistent' }, 'linux')).toBe(true);
    await expect.poll(() => lines.join('\n')).toMatch(/could not open a browser .*: open http:\/\/127\.0\.0\.1:8080 yourself/);
  });
});
