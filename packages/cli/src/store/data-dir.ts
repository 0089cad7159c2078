import { resolveDataDir } from '@flowgraph/store';
import type { CliIo } from '../io.js';

/** The store folder for this invocation: FLOWGRAPH_DATA_DIR, else ./.flowgraph/ in the working directory. */
export function dataDirOf(io: Pick<CliIo, 'env' | 'cwd'>): string {
  return resolveDataDir(io.env, io.cwd);
}
