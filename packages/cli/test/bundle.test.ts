import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cliBuildOptions } from '../scripts/bundle.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cliSource = 'packages/cli/src';
/** What only crawling, serving and the snapshot store need: 1.3 MB that `analyze` used to parse. */
const HEAVY =
  /node_modules\/\.pnpm\/(express|undici|ky|iconv-lite)@|packages\/(genesys|simulator|store)\/src\/|apps\/server\/src\/|^better-sqlite3$/;

/** Every module `from` reaches through static imports: what loads before the command's code runs. */
function staticClosure(inputs: Metafile['inputs'], from: string): Set<string> {
  const reached = new Set([from]);
  const queue = [from];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const imported of inputs[path]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || reached.has(imported.path)) continue;
      reached.add(imported.path);
      queue.push(imported.path);
    }
  }
  return reached;
}

describe('[I] the bundled CLI', () => {
  it('loads the crawl, the server and SQLite only for the commands that use them', async () => {
    const { metafile } = await build({
      ...cliBuildOptions(join(tmpdir(), 'flowgraph-bundle-test', 'flowgraph.js')),
      absWorkingDir: repoRoot,
      write: false,
      metafile: true,
      minify: false,
    });
    const heavyFrom = (entry: string) => [...staticClosure(metafile.inputs, `${cliSource}/${entry}`)].filter((path) => HEAVY.test(path));
    expect(heavyFrom('bin.ts')).toEqual([]);
    expect(heavyFrom('commands/analyze.ts')).toEqual([]);
    expect(heavyFrom('commands/check.ts')).toEqual([]);
    // The same walk does see them where they belong.
    expect(heavyFrom('commands/history.ts')).toEqual(expect.arrayContaining(['better-sqlite3']));
    expect(heavyFrom('commands/fetch.ts')).toEqual(expect.arrayContaining([expect.stringMatching(/^packages\/genesys\/src\//)]));
    // zod's locales other than English are left out (bundle.ts, zodEnglishOnly).
    expect(Object.keys(metafile.inputs).filter((path) => /zod\/v4\/locales\/(?!en\.js$|en-only\.js$)/.test(path))).toEqual([]);
  });
});
