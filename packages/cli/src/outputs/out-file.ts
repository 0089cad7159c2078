import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from '../inputs/collect-files.js';
import type { CliIo } from '../io.js';

/** `--out FILE`, relative to the working directory; a file that cannot be written is an InputError naming it. */
export async function writeOutFile(io: Pick<CliIo, 'cwd'>, path: string, text: string): Promise<void> {
  await writeFile(resolve(io.cwd, path), text).catch((error: unknown) => {
    throw new InputError(`cannot write --out ${path}: ${describeFsError(error)}`);
  });
}
