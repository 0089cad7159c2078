import type { InputFileReport } from '../contract/files.js';
import { compareStrings } from '../util/compare.js';
import type { ImportUnit, InputFile } from '../importers/importer.js';
import { type ImportSettings, importFiles } from '../importers/registry.js';
import { normalisePath } from '../importers/templates/paths.js';
import { planFlowSubstitutions, type TerraformFile } from '../importers/templates/terraform-flows.js';
import { link } from '../linking/link.js';
import type { FlowGraph, GraphNode } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import type { ImportSummary } from '../contract/import-summary.js';
import { isTerraformFileName } from './input-names.js';
import { overlayFiles } from './overlay.js';
import { buildImportSummary } from './summary.js';

/** One version of an input file, as read at `readAt` (ISO time). */
export interface InputFileVersion extends InputFile {
  readAt: string;
}

/** A flow shown from the last good version of its file because the newest one is invalid. */
export interface StaleInputFlow {
  id: string;
  name: string;
  /** When the version shown was read. */
  since: string;
  /** The newest version's first error. */
  reason: string;
}

export interface InputSetLoad {
  graph: FlowGraph;
  /** Substitution-plan issues, every shown file's import issues, then the linking issues. */
  issues: ImportIssue[];
  summary: ImportSummary;
  files: InputFileReport[];
  staleFlows: StaleInputFlow[];
  /** Loaded over an org: the org's flows the files replaced. */
  replaced: string[];
}

export interface InputSetChange {
  /** New or changed files (by `path`). */
  upsert?: readonly InputFileVersion[];
  /** Paths no longer there. */
  remove?: readonly string[];
  /** The Terraform files, when they changed: the substitutions of every file are worked out again. */
  terraform?: readonly TerraformFile[];
  /** Values for every file (JSON or `name=value` files), when they changed: every file is imported again. */
  substitutions?: Readonly<Record<string, string>>;
}

interface Imported {
  file: InputFileVersion;
  unit: ImportUnit;
}

interface Entry {
  latest: Imported;
  /** The newest version without errors, when the latest has some. */
  good?: Imported;
  /** The substitutions the file was imported with (a key), to tell when a Terraform change touches it. */
  substitutions: string;
}

/**
 * A set of input files kept imported, for a folder that changes while it is watched: each change
 * re-imports only the files it names (and those whose Terraform substitutions it changed), then
 * links everything again, which is linear in the graph. A file whose newest version has errors
 * keeps its last version without errors in the graph, its flows listed as stale, and its errors
 * reported: one bad save does not make a flow vanish from the picture.
 */
export class InputSet {
  readonly #entries = new Map<string, Entry>();
  #settings: Pick<ImportSettings, 'substitutions' | 'overrides'>;
  #terraform: readonly TerraformFile[] = [];
  #planIssues: ImportIssue[] = [];
  #importSettings: ImportSettings;

  constructor(settings: Pick<ImportSettings, 'substitutions' | 'overrides'> = {}) {
    this.#settings = settings;
    this.#importSettings = settings;
  }

  get paths(): string[] {
    return [...this.#entries.keys()];
  }

  /** Applies a change; returns the paths imported again (new, changed, or with new substitutions). */
  update(change: InputSetChange): string[] {
    const upserts = new Map((change.upsert ?? []).map((file) => [file.path, file]));
    const fileSetChanged =
      (change.remove ?? []).some((path) => this.#entries.has(path)) || [...upserts.keys()].some((path) => !this.#entries.has(path));
    for (const path of change.remove ?? []) this.#entries.delete(path);
    if (change.terraform !== undefined) this.#terraform = change.terraform;
    const valuesChanged =
      change.substitutions !== undefined && JSON.stringify(change.substitutions) !== JSON.stringify(this.#settings.substitutions ?? {});
    if (valuesChanged) this.#settings = { ...this.#settings, substitutions: change.substitutions };
    const replanned = fileSetChanged || change.terraform !== undefined || valuesChanged;
    if (replanned) this.#replan(upserts);

    const reimported: string[] = [];
    for (const [path, file] of upserts) {
      const latest = this.#import(file);
      const previous = this.#entries.get(path);
      const good = valid(latest.unit) ? undefined : previous && (valid(previous.latest.unit) ? previous.latest : previous.good);
      this.#entries.set(path, { latest, ...(good ? { good } : {}), substitutions: this.#substitutionsKey(path) });
      reimported.push(path);
    }
    if (replanned) {
      // Terraform or the file set changed: files whose substitutions changed are imported again.
      for (const [path, entry] of this.#entries) {
        const substitutions = this.#substitutionsKey(path);
        if (upserts.has(path) || (!valuesChanged && substitutions === entry.substitutions)) continue;
        const good = entry.good ? this.#import(entry.good.file) : undefined;
        this.#entries.set(path, { latest: this.#import(entry.latest.file), ...(good ? { good } : {}), substitutions });
        reimported.push(path);
      }
    }
    return reimported.sort(compareStrings);
  }

  /**
   * Links what every file shows into one graph, with each file's report. With `over`, the files
   * are deployed over that org instead (`overlayFiles`): their flows replace the org's flows of the
   * same type and name, and `replaced` lists those.
   */
  load(options: { over?: FlowGraph } = {}): InputSetLoad {
    const paths = [...this.#entries.keys()].sort(compareStrings);
    const shown: ImportUnit[] = [];
    const staleFlows: StaleInputFlow[] = [];
    const fileIssues: ImportIssue[] = [];
    for (const path of paths) {
      const entry = this.#entries.get(path)!;
      const version = entry.good ?? entry.latest;
      // Linking marks nodes (merged files, template variables): each link gets fresh copies.
      shown.push({ ...version.unit, nodes: version.unit.nodes.map((node) => ({ ...node }) as GraphNode) });
      fileIssues.push(...entry.latest.unit.issues);
      if (entry.good) {
        const reason = entry.latest.unit.issues.find((issue) => issue.severity === 'error')?.message ?? 'invalid';
        for (const node of entry.good.unit.nodes) {
          if (node.kind === 'flow') staleFlows.push({ id: node.id, name: node.name, since: entry.good.file.readAt, reason });
        }
      }
    }
    const linked = options.over === undefined ? { ...link(shown), replaced: [] } : overlayFiles(options.over, shown);
    const issues = [...this.#planIssues, ...fileIssues, ...linked.issues];
    const flowsByFile = flowsOfFiles(linked.graph);
    const files = paths.map((path): InputFileReport => {
      const entry = this.#entries.get(path)!;
      const own = entry.latest.unit.issues;
      const errors = own.filter((issue) => issue.severity === 'error').length;
      return {
        path,
        format: entry.latest.unit.format,
        flows: flowsByFile.get(path) ?? [],
        issues: own,
        errors,
        warnings: own.length - errors,
        readAt: entry.latest.file.readAt,
        ...(entry.good ? { stale: { since: entry.good.file.readAt } } : {}),
      };
    });
    return {
      graph: linked.graph,
      issues,
      summary: buildImportSummary(shown, linked.graph, issues),
      files,
      staleFlows: staleFlows.filter((flow) => linked.graph.nodes.has(flow.id)),
      replaced: linked.replaced,
    };
  }

  /** Works out each file's Terraform substitutions again (files known plus those about to be added). */
  #replan(upserts: ReadonlyMap<string, InputFileVersion>): void {
    if (this.#terraform.length === 0) {
      this.#planIssues = [];
      this.#importSettings = this.#settings;
      return;
    }
    const locations = new Map<string, string>();
    for (const [path, entry] of this.#entries) locations.set(path, entry.latest.file.location ?? path);
    for (const [path, file] of upserts) locations.set(path, file.location ?? path);
    const plan = planFlowSubstitutions(this.#terraform, [...locations.values()]);
    const fileSubstitutions = new Map<string, { values: Record<string, string>; resource: string }>();
    for (const [path, location] of locations) {
      const found = plan.byLocation.get(normalisePath(location));
      if (found !== undefined) fileSubstitutions.set(path, { values: found.values, resource: `${found.resource} in ${found.file}` });
    }
    this.#planIssues = plan.issues;
    this.#importSettings = { ...this.#settings, fileSubstitutions, terraformGiven: true };
  }

  #substitutionsKey(path: string): string {
    const settings = this.#importSettings;
    return JSON.stringify([settings.terraformGiven ?? false, settings.fileSubstitutions?.get(path) ?? null]);
  }

  #import(file: InputFileVersion): Imported {
    const [unit] = importFiles([file], this.#importSettings);
    return { file, unit: unit! };
  }
}

/**
 * The Files panel's rows for files that fill others instead of defining flows (Terraform
 * `genesyscloud_flow` resources, substitution values): each with the problems naming it (it does
 * not parse; a value its resource leaves unresolved), sorted by path.
 */
export function substitutionFileReports(paths: readonly string[], issues: readonly ImportIssue[], readAt: string): InputFileReport[] {
  return [...new Set(paths)].sort(compareStrings).map((path) => {
    const own = issues.filter((issue) => issue.file === path);
    const errors = own.filter((issue) => issue.severity === 'error').length;
    return {
      path,
      format: isTerraformFileName(path) ? 'terraform' : 'substitutions',
      flows: [],
      issues: own,
      errors,
      warnings: own.length - errors,
      readAt,
    };
  });
}

/** An import without errors: a version worth keeping in the graph when a later one breaks. */
function valid(unit: ImportUnit): boolean {
  return !unit.issues.some((issue) => issue.severity === 'error');
}

function flowsOfFiles(graph: FlowGraph): Map<string, InputFileReport['flows']> {
  const byFile = new Map<string, InputFileReport['flows']>();
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'flow') continue;
    for (const file of node.files ?? (node.file === undefined ? [] : [node.file])) {
      const list = byFile.get(file) ?? [];
      list.push({ id: node.id, name: node.name, type: node.type });
      byFile.set(file, list);
    }
  }
  for (const list of byFile.values()) list.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  return byFile;
}
