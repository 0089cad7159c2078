import type { Dirent } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { type InputFile, inputFileFromBytes, inputFileFromReader, isFlowFileName, isSkippedEntry } from '@flowgraph/core';
import { diskFileReader } from './disk-reader.js';
import { describeFsError, InputError, isNotFound } from './errors.js';

export interface CollectOptions {
  /**
   * Read nothing outside the given inputs (`flowgraph serve`): a symbolic link whose target lies
   * outside every input is refused, reported as an unreadable input saying so.
   */
  confine?: boolean;
}

/** A file found under the inputs, not read yet. */
export interface ListedInput {
  /** As shown in messages: relative to the working directory when inside it. */
  path: string;
  /** Absolute. */
  location: string;
  /** Why it cannot be read (a folder that cannot be listed, a broken or refused link). */
  error?: string;
}

/**
 * Every input path as InputFile, folders recursed (iteratively) in a stable order. A path given
 * explicitly is read whatever its name; inside folders, hidden entries, node_modules and .git are
 * skipped. Symbolic links are followed (with `confine`, only to targets inside the inputs); a
 * folder already visited (a link loop) or a file already read through another path is read once.
 * A path given that does not exist is an InputError (a typo); a file or folder that exists but
 * cannot be read is an input marked `unreadable`, so it is reported as failed and the rest is
 * still analysed.
 */
export async function collectInputFiles(paths: readonly string[], cwd: string, options: CollectOptions = {}): Promise<InputFile[]> {
  const listed = await listInputFiles(paths, cwd, options);
  const roots = options.confine ? await inputRoots(paths, cwd) : undefined;
  const files: InputFile[] = [];
  const seen = new Set<string>();
  for (const entry of listed) {
    const real = await realpath(entry.location).catch(() => entry.location);
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(await readListedInput(entry, roots, 'bytes'));
  }
  return files;
}

/** The files under the inputs, without reading them (the watcher compares listings). */
export async function listInputFiles(paths: readonly string[], cwd: string, options: CollectOptions = {}): Promise<ListedInput[]> {
  const roots = options.confine ? await inputRoots(paths, cwd) : undefined;
  const found: ListedInput[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((error: unknown) => {
      if (isNotFound(error)) throw new InputError(`cannot read ${path}: ${describeFsError(error)}`);
      return error;
    });
    if (!isStats(info)) {
      found.push({ path, location: absolute, error: describeFsError(info) });
      continue;
    }
    if (!info.isDirectory()) {
      found.push({ path, location: absolute });
      continue;
    }
    for (const entry of await listFlowFiles(absolute, roots)) found.push({ ...entry, path: displayPath(entry.location, cwd) });
  }
  return found;
}

/**
 * Reads one listed file. With `roots` (confined), a file whose real path is outside every root
 * is refused, checked again at read time: a file swapped for a link after listing is not read.
 * As `'bytes'` (the CLI, which imports each file once), the text is decoded only if an importer
 * asks for it, and a file of `STREAMED_FILE_BYTES` or more is only opened here and read when an
 * importer asks: a 60 MB tutorial file is read and imported a chunk at a time, never whole. As
 * `'text'` (the server, whose input set keeps files to import them again), the file holds its
 * text only.
 */
export async function readListedInput(entry: ListedInput, roots?: readonly string[], as: 'text' | 'bytes' = 'text'): Promise<InputFile> {
  if (entry.error !== undefined) return unreadable(entry.path, entry.error, entry.location);
  if (roots !== undefined) {
    const refused = await outsideRoots(entry.location, roots);
    if (refused !== undefined) return unreadable(entry.path, refused, entry.location);
  }
  try {
    if (as === 'bytes') return await readForImport(entry);
    return { path: entry.path, text: await readFile(entry.location, 'utf8'), location: entry.location };
  } catch (error) {
    return unreadable(entry.path, describeFsError(error), entry.location);
  }
}

/** Files this large are read when imported, a chunk at a time where the importer can (see `readListedInput`). */
export const STREAMED_FILE_BYTES = 1 << 20;

async function readForImport(entry: ListedInput): Promise<InputFile> {
  // Opened here either way, so a file that cannot be read is reported as unreadable, as before.
  const handle = await open(entry.location, 'r');
  try {
    const { size } = await handle.stat();
    if (size >= STREAMED_FILE_BYTES) return inputFileFromReader(entry.path, diskFileReader(entry.location), entry.location);
    return inputFileFromBytes(entry.path, await handle.readFile(), entry.location);
  } finally {
    await handle.close();
  }
}

/** The real paths of the given inputs: what confinement allows reading below. */
export async function inputRoots(paths: readonly string[], cwd: string): Promise<string[]> {
  const roots: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    roots.push(await realpath(absolute).catch(() => absolute));
  }
  return roots;
}

/** Why a path may not be read under confinement, or undefined when it lies inside a root. */
async function outsideRoots(location: string, roots: readonly string[]): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(location);
  } catch (error) {
    return describeFsError(error);
  }
  if (roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`))) return undefined;
  return `symbolic link to ${real}, outside the inputs: refused`;
}

async function listFlowFiles(root: string, roots: readonly string[] | undefined): Promise<Omit<ListedInput, 'path'>[]> {
  const found: Omit<ListedInput, 'path'>[] = [];
  const visited = new Set<string>();
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const real = await realpath(folder).catch(() => folder);
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      found.push({ location: folder, error: describeFsError(error) });
      continue;
    }
    for (const entry of entries) {
      if (isSkippedEntry(entry.name)) continue;
      const path = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Followed: a link to a folder is searched (once, whatever the loop), a link to a file is read.
        const target = await stat(path).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
        if (target === undefined) {
          if (isFlowFileName(entry.name)) found.push({ location: path, error: 'broken symbolic link' });
          continue;
        }
        const refused = roots === undefined ? undefined : await outsideRoots(path, roots);
        if (refused !== undefined) {
          // Reported whatever its name: a refused link is worth knowing about, never silently skipped.
          found.push({ location: path, error: refused });
          continue;
        }
      }
      if (isDirectory) pending.push(path);
      else if (isFile && isFlowFileName(entry.name)) found.push({ location: path });
    }
  }
  return found.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}

function unreadable(path: string, reason: string, location: string): InputFile {
  return { path, text: '', unreadable: reason, location };
}

function isStats(value: unknown): value is Awaited<ReturnType<typeof stat>> {
  return typeof value === 'object' && value !== null && 'isDirectory' in value;
}

/** Relative to the working directory when inside it, so messages stay short. */
export function displayPath(absolute: string, cwd: string): string {
  const shown = relative(cwd, absolute);
  return shown.startsWith('..') ? absolute : shown;
}
