import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The core runs in the browser too: it must never import Node built-ins, HTTP clients,
// servers or UI frameworks. Reading import lines is enough to enforce that.
const coreSource = join(import.meta.dirname, '..', 'src');
const forbidden = [/^node:/, /^(fs|path|os|http|https|child_process|url|crypto)$/, /^ky$/, /^express$/, /^react/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('[U] core boundaries', () => {
  it('imports no Node built-in, HTTP client, server or UI framework', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(coreSource)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1] ?? '';
        if (forbidden.some((pattern) => pattern.test(specifier))) {
          offenders.push(`${relative(coreSource, file)} imports ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
