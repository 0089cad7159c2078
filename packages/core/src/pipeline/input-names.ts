import type { TerraformFile } from '../importers/templates/terraform-flows.js';
import type { ImportIssue } from '../model/issues.js';

/**
 * Which files in a folder are inputs, for every reader of folders (the CLI and `serve` on disk, the
 * web app on a dropped folder): flow files (tutorial / snapshot / Architect export JSON, Archy YAML
 * and Terraform templates of it, Architect exports `.i3InboundFlow`, …) and Terraform files whose
 * `genesyscloud_flow` resources fill templated flow files. READMEs, scripts and the like are not.
 */
const FLOW_FILE_NAME = /\.(json|ya?ml|tftpl|i3[a-z]*)$/i;
const TERRAFORM_FILE_NAME = /\.(tf|tfvars)(\.json)?$/i;
/** Folders never searched: dependencies, version control, Terraform's provider cache. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform']);

export function isFlowFileName(name: string): boolean {
  return FLOW_FILE_NAME.test(name);
}

export function isTerraformFileName(name: string): boolean {
  return TERRAFORM_FILE_NAME.test(name);
}

/** Hidden entries and dependency or tool folders are skipped when a folder is searched. */
export function isSkippedEntry(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** Parses HCL text into hcl2json's JSON (HashiCorp's parser: `@cdktf/hcl2json` in Node, its WebAssembly in the browser). */
export type HclParser = (name: string, text: string) => Promise<unknown>;

/**
 * One Terraform file as core's substitution planner takes it: `.tf` / `.tfvars` through the HCL
 * parser, `.tf.json` / `.tfvars.json` as JSON. A file that does not parse is an issue naming it.
 */
export async function readTerraformFile(
  path: string,
  location: string,
  text: string,
  parseHcl: HclParser,
): Promise<TerraformFile | { issue: ImportIssue }> {
  const kind = /\.tfvars(\.json)?$/i.test(location) ? 'variables' : 'configuration';
  try {
    const body: unknown = /\.json$/i.test(location) ? JSON.parse(text) : await parseHcl(path, text);
    return { path, location, kind, body };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { issue: { file: path, message: `cannot read Terraform: ${message}`, severity: 'error' } };
  }
}
