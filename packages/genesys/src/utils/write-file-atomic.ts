import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What `writeFileAtomic` writes: text, bytes, or chunks of either (a large snapshot need not be one string). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface AtomicWriteOptions {
  /**
   * fsync the file before the rename and the folder after it, so that after a power cut the
   * target is the old file or the whole new one (default). A cache whose torn entries are simply
   * misses may skip it: without it a crash can still not leave a half file under the target's
   * name while the system keeps running, which is what a killed process needs.
   */
  durable?: boolean;
}

/**
 * Replaces `path` with `content` so that nothing ever sees half of it: a reader, a Ctrl-C or a
 * `kill -9` at any moment finds the previous file or the complete new one. Writes a temp file in
 * the same folder (a rename is atomic only within one file system), fsyncs it, renames it over
 * the target and fsyncs the folder. The target keeps its permissions; a symlink keeps pointing
 * where it did, at the replaced file. A write that fails removes its temp file and leaves the
 * target as it was. A process killed mid-write leaves its hidden temp file
 * (`.<name>.<pid>.<random>.tmp`) behind, never a truncated target.
 */
export async function writeFileAtomic(path: string, content: FileContent, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true;
  const target = await realpath(path).catch(() => path);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const existing = await stat(target).catch(() => undefined);
  // A device or a pipe (`--out /dev/null`, a FIFO) is written in place: it has no content to keep.
  if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(target, content);
    return;
  }
  const mode = existing === undefined ? undefined : existing.mode & 0o7777;
  let renamed = false;
  try {
    const handle = await open(temp, 'wx');
    try {
      // Set after creating: the umask would otherwise narrow the mode the target had.
      if (mode !== undefined) await handle.chmod(mode);
      await writeFile(handle, content);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await rm(temp, { force: true });
  }
  if (durable) await syncFolder(folder);
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows): best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is written and renamed; only its durability across a power cut is unconfirmed.
  }
}
