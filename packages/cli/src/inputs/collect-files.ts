import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { InputFile } from '@flowgraph/core';
import { InputError } from '../errors.js';

// Flow files: tutorial / snapshot / Architect export JSON, Archy YAML (and Terraform templates of it),
// Architect exports (`.i3InboundFlow`, ...). Other files in a folder (READMEs, scripts) are not inputs.
const FLOW_FILE = /\.(json|ya?ml|tftpl|i3[a-z]*)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Every input path as InputFile, folders recursed (iteratively) in a stable order. A path given
 * explicitly is read whatever its name; inside folders, hidden entries, node_modules and .git are
 * skipped. Symbolic links are followed; a folder already visited (a link loop) or a file already
 * read through another path is read once. A path given that does not exist is an InputError (a
 * typo); a file or folder that exists but cannot be read is an input marked `unreadable`, so it is
 * reported as failed and the rest is still analysed.
 */
export async function collectInputFiles(paths: string[], cwd: string): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((error: unknown) => {
      if (fsCode(error) === 'ENOENT') throw new InputError(`cannot read ${path}: ${describeFsError(error)}`);
      return error;
    });
    if (!isStats(info)) {
      files.push(unreadable(path, info, absolute));
      continue;
    }
    const listed = info.isDirectory() ? await listFlowFiles(absolute) : [{ path: absolute }];
    for (const entry of listed) {
      const shown = info.isDirectory() ? displayPath(entry.path, cwd) : path;
      const file = entry.error === undefined ? await readInput(entry.path, shown, seen) : unreadable(shown, entry.error, entry.path);
      if (file !== undefined) files.push(file);
    }
  }
  return files;
}

interface ListedEntry {
  path: string;
  /** Why a folder could not be listed. */
  error?: unknown;
}

async function listFlowFiles(root: string): Promise<ListedEntry[]> {
  const found: ListedEntry[] = [];
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
      found.push({ path: folder, error });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Followed: a link to a folder is searched (once, whatever the loop), a link to a file is read.
        const target = await stat(path).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
        if (target === undefined && FLOW_FILE.test(entry.name)) found.push({ path, error: new Error('broken symbolic link') });
      }
      if (isDirectory) pending.push(path);
      else if (isFile && FLOW_FILE.test(entry.name)) found.push({ path });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The file's text, or undefined when the same file was already read through another path (a link). */
async function readInput(absolute: string, shownAs: string, seen: Set<string>): Promise<InputFile | undefined> {
  const real = await realpath(absolute).catch(() => absolute);
  if (seen.has(real)) return undefined;
  seen.add(real);
  try {
    return { path: shownAs, text: await readFile(absolute, 'utf8'), location: absolute };
  } catch (error) {
    return unreadable(shownAs, error, absolute);
  }
}

function unreadable(path: string, error: unknown, location: string): InputFile {
  return { path, text: '', unreadable: describeFsError(error), location };
}

function isStats(value: unknown): value is Awaited<ReturnType<typeof stat>> {
  return typeof value === 'object' && value !== null && 'isDirectory' in value;
}

/** Relative to the working directory when inside it, so messages stay short. */
function displayPath(absolute: string, cwd: string): string {
  const shown = relative(cwd, absolute);
  return shown.startsWith('..') ? absolute : shown;
}

function fsCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

export function describeFsError(error: unknown): string {
  const code = fsCode(error);
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
