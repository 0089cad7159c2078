import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the tests find the team's reference data: the corpus of real flow files and the official
 * OpenAPI subset. A user's clone has neither, so each is `undefined` when absent and the tests that
 * need it skip with one visible line. Set `FLOWGRAPH_CORPUS_DIR` / `FLOWGRAPH_OPENAPI_SPEC` to use
 * copies elsewhere; a variable that names nothing is a mistake and fails loudly instead of skipping.
 */
const WORKSPACE_SHARED = resolve(import.meta.dirname, '..', '..', 'shared');

export const CORPUS_DIR: string | undefined = locate('FLOWGRAPH_CORPUS_DIR', join(WORKSPACE_SHARED, 'corpus', 'archy'));

export const OPENAPI_SPEC_PATH: string | undefined = locate(
  'FLOWGRAPH_OPENAPI_SPEC',
  join(WORKSPACE_SHARED, 'genesys', 'openapi-flows-subset.json'),
);

function locate(variable: string, fallback: string): string | undefined {
  const given = process.env[variable];
  if (given !== undefined && given !== '') {
    const path = resolve(given);
    if (!existsSync(path)) throw new Error(`${variable}=${given}: no such file or folder`);
    return path;
  }
  return existsSync(fallback) ? fallback : undefined;
}

/** The one line a test file prints when it skips for want of reference data. */
export function reportSkip(what: string, variable: 'FLOWGRAPH_CORPUS_DIR' | 'FLOWGRAPH_OPENAPI_SPEC'): void {
  console.log(`[skipped] ${what}: reference data not found (set ${variable} or put the team's shared/ beside the repository)`);
}

/** Every file below a folder (iteratively), path relative to it with `/`, sorted. */
export function filesBelow(root: string): string[] {
  const found: string[] = [];
  const pending = [''];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) pending.push(path);
      else found.push(path);
    }
  }
  return found.sort();
}
