import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { InputFile } from '@flowgraph/core';
import { InputError } from '../errors.js';

// Flow files: tutorial / snapshot / Architect export JSON, Archy YAML (and Terraform templates of it),
// Architect exports (`.i3InboundFlow`, ...). Other files in a folder (READMEs, scripts) are not inputs.
const FLOW_FILE = /\.(json|ya?ml|tftpl|i3[a-z]*)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Every input path as InputFile, folders recursed (iteratively) in a stable order.
 * A path given explicitly is read whatever its name; inside folders, hidden entries,
 * node_modules and .git are skipped. A path that cannot be read is an InputError naming it.
 */
export async function collectInputFiles(paths: string[], cwd: string): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((error: unknown) => {
      throw new InputError(`cannot read ${path}: ${describeFsError(error)}`);
    });
    if (info.isDirectory()) {
      for (const file of await listFlowFiles(absolute)) files.push(await readInput(file, displayPath(file, cwd)));
    } else {
      files.push(await readInput(absolute, path));
    }
  }
  return files;
}

async function listFlowFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      throw new InputError(`cannot read folder ${folder}: ${describeFsError(error)}`);
    });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && FLOW_FILE.test(entry.name)) found.push(path);
    }
  }
  return found.sort();
}

async function readInput(absolute: string, shownAs: string): Promise<InputFile> {
  const text = await readFile(absolute, 'utf8').catch((error: unknown) => {
    throw new InputError(`cannot read ${shownAs}: ${describeFsError(error)}`);
  });
  return { path: shownAs, text };
}

/** Relative to the working directory when inside it, so messages stay short. */
function displayPath(absolute: string, cwd: string): string {
  const shown = relative(cwd, absolute);
  return shown.startsWith('..') ? absolute : shown;
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
