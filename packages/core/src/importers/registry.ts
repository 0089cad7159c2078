import type { ImportContext, Importer, ImportUnit, InputFile } from './importer.js';
import { architectExportImporter } from './architect-export/importer.js';
import { FileReadError } from './file-bytes.js';
import { archyYamlImporter } from './archy-yaml/importer.js';
import { isJsonFileName, readJson } from './json-text.js';
import { snapshotImporter } from './snapshot/importer.js';
import { isBlank } from './text-sniff.js';
import { tutorialImporter } from './tutorial/importer.js';

/**
 * Every importer, in detection order: the first whose `detect` says yes reads the file.
 * Specific formats come first (a snapshot names itself), lenient ones after.
 */
export const IMPORTERS: readonly Importer[] = [snapshotImporter, tutorialImporter, architectExportImporter, archyYamlImporter];

const EXPECTED = 'expected a Flowgraph snapshot, a tutorial-style flow JSON, an Archy YAML flow or an Architect export';

/** Template values for a set of files: for all, per file, and overrides; the later wins. */
export interface ImportSettings {
  /** Values for every file (a JSON or `name=value` substitutions file). */
  substitutions?: Readonly<Record<string, string>>;
  /** Values for one file, by its `path`: the substitutions of the `genesyscloud_flow` resource that deploys it. */
  fileSubstitutions?: ReadonlyMap<string, { values: Readonly<Record<string, string>>; resource: string }>;
  /** Values that win over both (`--set`). */
  overrides?: Readonly<Record<string, string>>;
  /** Terraform files were given: a templated file none of their resources names is told so. */
  terraformGiven?: boolean;
}

/** Imports each file with the importer that recognises it; a file none recognises, or one that breaks an importer, is an issue. */
export function importFiles(
  files: readonly InputFile[],
  settings: ImportSettings = {},
  importers: readonly Importer[] = IMPORTERS,
): ImportUnit[] {
  const shared: ImportContext = { substitutions: { ...settings.substitutions, ...settings.overrides } };
  return files.map((file) => importFile(file, contextFor(file, settings, shared), importers));
}

function contextFor(file: InputFile, settings: ImportSettings, shared: ImportContext): ImportContext {
  const own = settings.fileSubstitutions?.get(file.path);
  if (own === undefined) return settings.terraformGiven ? { ...shared, withoutFlowResource: true } : shared;
  return { substitutions: { ...settings.substitutions, ...own.values, ...settings.overrides }, flowResource: own.resource };
}

export function importFile(file: InputFile, context: ImportContext, importers: readonly Importer[] = IMPORTERS): ImportUnit {
  if (file.unreadable !== undefined) return failed(file, 'unknown', `cannot read: ${file.unreadable}`);
  let importer: Importer | undefined;
  try {
    if (isBlank(file)) return failed(file, 'unknown', 'the file is empty');
    importer = importers.find((candidate) => candidate.detect(file));
    if (importer === undefined) {
      if (isJsonFileName(file.path)) {
        const json = readJson(file);
        if (!json.ok) return failed(file, 'unknown', json.message);
      }
      return failed(file, 'unknown', `not a recognised flow file (${EXPECTED})`);
    }
  } catch (error) {
    if (error instanceof FileReadError) return failed(file, 'unknown', `cannot read: ${error.message}`);
    return failed(file, 'unknown', `could not tell the file's format: ${messageOf(error)}`);
  }
  try {
    return importer.parse(file, context);
  } catch (error) {
    // A file given by a reader can fail to read midway (removed meanwhile).
    if (error instanceof FileReadError) return failed(file, importer.format, `cannot read: ${error.message}`);
    // An importer must not throw, but one bug must not stop the other files either.
    return failed(file, importer.format, `the ${importer.format} importer failed: ${messageOf(error)}`);
  }
}

function failed(file: InputFile, format: string, message: string): ImportUnit {
  return { file: file.path, format, nodes: [], edges: [], references: [], issues: [{ file: file.path, message, severity: 'error' }] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
