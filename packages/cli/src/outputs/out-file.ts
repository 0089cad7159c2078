import { resolve } from 'node:path';
import type { FileContent } from '@flowgraph/genesys';
import { InputError } from '../errors.js';
import { describeFsError } from '@flowgraph/inputs';
import type { CliIo } from '../io.js';

/**
 * `--out FILE`, relative to the working directory, replaced atomically: a Ctrl-C, a kill or a full
 * disk mid-write leaves the previous file whole, never a truncated one. A file that cannot be
 * written is an InputError naming it.
 */
export async function writeOutFile(io: Pick<CliIo, 'cwd'>, path: string, content: FileContent): Promise<void> {
  // The Genesys package (its HTTP client with it) is loaded only when a file is written: `check`
  // without --out does not need it.
  const { writeFileAtomic } = await import('@flowgraph/genesys');
  await writeFileAtomic(resolve(io.cwd, path), content).catch((error: unknown) => {
    throw new InputError(`cannot write --out ${path}: ${describeFsError(error)}`);
  });
}
