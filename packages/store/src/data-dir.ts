import { isAbsolute, resolve } from 'node:path';

/** Where the store lives unless FLOWGRAPH_DATA_DIR says otherwise; git-ignored. */
export const DEFAULT_DATA_DIR = '.flowgraph';

/** FLOWGRAPH_DATA_DIR (relative to `base`), else `<base>/.flowgraph`. */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, base: string): string {
  const configured = env.FLOWGRAPH_DATA_DIR?.trim();
  if (configured) return isAbsolute(configured) ? configured : resolve(base, configured);
  return resolve(base, DEFAULT_DATA_DIR);
}
