import type { ImportUnit, InputFile } from '../importers/importer.js';
import { type ImportSettings, importFiles } from '../importers/registry.js';
import { normalisePath } from '../importers/templates/paths.js';
import { planFlowSubstitutions, type TerraformFile } from '../importers/templates/terraform-flows.js';
import { link } from '../linking/link.js';
import type { FlowGraph } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import type { ImportSummary } from '../contract/import-summary.js';
import { compareStrings } from '../util/compare.js';
import { buildImportSummary } from './summary.js';

export interface LoadedGraph {
  graph: FlowGraph;
  /** Every file's import issues, then the linking issues. */
  issues: ImportIssue[];
  units: ImportUnit[];
  summary: ImportSummary;
}

export interface LoadSettings extends ImportSettings {
  /**
   * Terraform files (parsed): each `genesyscloud_flow` resource gives the flow file its `filepath`
   * names its own `substitutions` (see `planFlowSubstitutions`); `substitutions` and `overrides`
   * still apply to every file, `overrides` winning.
   */
  terraform?: readonly TerraformFile[];
}

/** Files to one linked graph: each file through its importer, then every reference resolved. */
export function loadGraph(files: readonly InputFile[], settings: LoadSettings = {}): LoadedGraph {
  const { terraform, ...shared } = settings;
  let importSettings: ImportSettings = shared;
  const planIssues: ImportIssue[] = [];
  if (terraform !== undefined && terraform.length > 0) {
    const plan = planFlowSubstitutions(
      terraform,
      files.map((file) => file.location ?? file.path),
    );
    const fileSubstitutions = new Map<string, { values: Record<string, string>; resource: string }>();
    for (const file of files) {
      const found = plan.byLocation.get(normalisePath(file.location ?? file.path));
      if (found !== undefined) fileSubstitutions.set(file.path, { values: found.values, resource: `${found.resource} in ${found.file}` });
    }
    importSettings = { ...shared, fileSubstitutions, terraformGiven: true };
    planIssues.push(...plan.issues);
  }
  // Linked in path order, as `InputSet` does: where two files claim the same id the first keeps it,
  // and the first reference to a missing flow spells its node, so the graph must not depend on
  // the order the files were listed or read in.
  const ordered = [...files].sort((a, b) => compareStrings(a.path, b.path));
  const linked = link(importFiles(ordered, importSettings));
  const issues = [...planIssues, ...linked.units.flatMap((unit) => unit.issues), ...linked.issues];
  return { graph: linked.graph, issues, units: linked.units, summary: buildImportSummary(linked.units, linked.graph, issues) };
}
