import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { scopeFileName } from '@flowgraph/core';
import type { CliIo } from '../io.js';
import { writeOutFile } from './out-file.js';

/**
 * Writes a command's text: to stdout without `--out`; to `--out FILE`; or, when `--out` names a
 * folder (it exists, or ends with `/`), into it under the name core gives what it shows
 * (`main-ivr.down-2.dot`), the same name the server and the web app use.
 */
export async function writeScopeOutput(
  io: Pick<CliIo, 'cwd' | 'stdout' | 'stderr'>,
  text: string,
  target: { out?: string | undefined; fileStem: string; extension: string },
): Promise<void> {
  if (target.out === undefined) {
    io.stdout.write(text);
    return;
  }
  const path = (await isFolder(io.cwd, target.out)) ? join(target.out, scopeFileName(target.fileStem, target.extension)) : target.out;
  await writeOutFile(io, path, text);
  io.stderr.write(`flowgraph: wrote ${path} (${text.length.toLocaleString('en-US')} characters)\n`);
}

async function isFolder(cwd: string, path: string): Promise<boolean> {
  if (path.endsWith('/') || path.endsWith('\\')) return true;
  return (await stat(resolve(cwd, path)).catch(() => undefined))?.isDirectory() === true;
}
