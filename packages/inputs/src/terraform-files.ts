import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type ImportIssue,
  isSkippedEntry,
  isTerraformFileName,
  type ParsedSubstitutions,
  parseSubstitutions,
  readTerraformFile,
  type TerraformFile,
} from '@flowgraph/core';
import { displayPath } from './collect-files.js';
import { describeFsError, InputError } from './errors.js';

/** What the `--substitutions` paths give: Terraform files to match flows with, and values for every file. */
export interface SubstitutionSources {
  terraform: TerraformFile[];
  /** From JSON objects and `name=value` files: values for every flow file. */
  values: Record<string, string>;
  issues: ImportIssue[];
}

/**
 * Reads each `--substitutions` path: a folder (its `.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`
 * files, recursively), a Terraform file, or a JSON object / `name=value` lines of values for every
 * flow. HCL is parsed by HashiCorp's own parser compiled to WebAssembly (`@cdktf/hcl2json`),
 * loaded only when a `.tf` or `.tfvars` file is given. A path that does not exist is an InputError.
 */
export async function readSubstitutionSources(paths: readonly string[], cwd: string): Promise<SubstitutionSources> {
  const sources: SubstitutionSources = { terraform: [], values: {}, issues: [] };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((error: unknown) => {
      throw new InputError(`cannot read --substitutions ${path}: ${describeFsError(error)}`);
    });
    const files = info.isDirectory() ? await terraformFilesIn(absolute) : [absolute];
    for (const file of files) {
      const shown = info.isDirectory() ? displayPath(file, cwd) : path;
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new InputError(`cannot read --substitutions ${shown}: ${describeFsError(error)}`);
      });
      if (isTerraformFileName(file)) {
        const parsed = await readTerraformFile(shown, file, text, parseHcl);
        if ('issue' in parsed) sources.issues.push(parsed.issue);
        else sources.terraform.push(parsed);
      } else {
        const parsed: ParsedSubstitutions = parseSubstitutions(text, shown);
        Object.assign(sources.values, parsed.values);
        sources.issues.push(...parsed.issues);
      }
    }
  }
  return sources;
}

let hcl: Promise<typeof import('@cdktf/hcl2json')> | undefined;

/** HashiCorp's HCL parser (WebAssembly): about half a second to start, then milliseconds per file. */
async function parseHcl(name: string, text: string): Promise<unknown> {
  hcl ??= import('@cdktf/hcl2json');
  return (await hcl).parse(name, text);
}

async function terraformFilesIn(root: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (isSkippedEntry(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (isTerraformFileName(entry.name)) found.push(path);
    }
  }
  return found.sort();
}
