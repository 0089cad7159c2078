import type { ImportIssue } from '../../model/issues.js';
import { asList, asMap, asText, type PlainMap } from '../plain-values.js';
import { directoryOf, joinPath, normalisePath, relativePath } from './paths.js';

/**
 * A Terraform file already parsed into JSON: `.tf` / `.tfvars` through an HCL parser (the CLI uses
 * HashiCorp's, `@cdktf/hcl2json`), `.tf.json` / `.tfvars.json` as they are. Blocks may be one
 * object or a list of objects (hcl2json writes lists).
 */
export interface TerraformFile {
  /** As shown in messages. */
  path: string;
  /** Where it is, in the same coordinates as the flow files' locations (absolute, or relative to one root). */
  location: string;
  /** `configuration` (`.tf`, `.tf.json`) or `variables` (`.tfvars`, `.tfvars.json`). */
  kind: 'configuration' | 'variables';
  body: unknown;
}

/** What a `genesyscloud_flow` resource gives the flow file its `filepath` names. */
export interface FlowResourceValues {
  /** `genesyscloud_flow.<name>`, and the module it sits in when not the root. */
  resource: string;
  file: string;
  values: Record<string, string>;
}

export interface FlowSubstitutionPlan {
  /** By the flow file's normalised location. */
  byLocation: Map<string, FlowResourceValues>;
  /** Resources found (each module instance counts). */
  resources: number;
  issues: ImportIssue[];
}

/** Evaluation gives a string, or says which reference had no value. */
type Evaluated = { value: string } | { missing: string };

interface ModuleInstance {
  dir: string;
  /** Where `terraform` runs: relative paths in attributes resolve against it. */
  rootDir: string;
  /** For messages: `module.flows` or empty at the root. */
  address: string;
  variables: Map<string, Evaluated>;
  configurations: TerraformFile[];
}

const MAX_DEPTH = 20;

/**
 * Matches every `genesyscloud_flow` resource of the given Terraform files to its flow file through
 * `filepath`, as Terraform resolves it (`${path.module}` is the resource's folder, a relative path
 * is relative to the root module's folder, where Terraform runs), and works out its `substitutions`.
 * `var.x` comes from a module call's argument, a `.tfvars` file or the variable's default;
 * `local.x` from `locals`; `<type>.<name>.<attribute>` (and `data.…`) from a literal attribute of
 * that block. Anything else (function calls, module outputs, state) stays unresolved and is named.
 */
export function planFlowSubstitutions(files: readonly TerraformFile[], flowLocations: readonly string[]): FlowSubstitutionPlan {
  const plan: FlowSubstitutionPlan = { byLocation: new Map(), resources: 0, issues: [] };
  const flows = new Set(flowLocations.map(normalisePath));
  const configurations = files.filter((file) => file.kind === 'configuration');
  const byDir = new Map<string, TerraformFile[]>();
  for (const file of configurations) {
    const dir = directoryOf(normalisePath(file.location));
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const called = new Set<string>();
  for (const [dir, dirFiles] of byDir) for (const call of moduleCalls(dirFiles, dir)) called.add(call.dir);
  const roots = [...byDir.keys()].filter((dir) => !called.has(dir)).sort();
  const tfvars = files.filter((file) => file.kind === 'variables');

  const pending: ModuleInstance[] = roots.map((dir) => ({
    dir,
    rootDir: dir,
    address: '',
    variables: withDefaults(rootVariables(dir, roots, tfvars), byDir.get(dir) ?? []),
    configurations: byDir.get(dir) ?? [],
  }));
  while (pending.length > 0) {
    const instance = pending.shift()!;
    const scope = new Scope(instance);
    for (const resource of flowResources(instance.configurations)) {
      plan.resources++;
      addResource(plan, flows, instance, scope, resource);
    }
    if (instance.address.split('.module.').length > MAX_DEPTH) continue;
    for (const call of moduleCalls(instance.configurations, instance.dir)) {
      const callee = byDir.get(call.dir);
      if (callee === undefined) continue;
      const variables = new Map<string, Evaluated>();
      for (const [name, expression] of Object.entries(call.arguments)) {
        if (name === 'source' || name === 'version' || name === 'providers' || name === 'depends_on') continue;
        variables.set(name, scope.evaluate(expression));
      }
      pending.push({
        dir: call.dir,
        rootDir: instance.rootDir,
        address: `${instance.address === '' ? '' : `${instance.address}.`}module.${call.name}`,
        variables: withDefaults(variables, callee),
        configurations: callee,
      });
    }
  }
  return plan;
}

function addResource(
  plan: FlowSubstitutionPlan,
  flows: ReadonlySet<string>,
  instance: ModuleInstance,
  scope: Scope,
  resource: { name: string; body: PlainMap; file: TerraformFile },
): void {
  const address = `${instance.address === '' ? '' : `${instance.address}.`}genesyscloud_flow.${resource.name}`;
  const issue = (message: string): void => {
    plan.issues.push({ file: resource.file.path, field: address, message, severity: 'warning' });
  };
  const filepath = scope.evaluate(resource.body.filepath);
  if ('missing' in filepath) {
    issue(`filepath cannot be worked out (${filepath.missing}); its substitutions are not used`);
    return;
  }
  const location = normalisePath(isAbsolute(filepath.value) ? filepath.value : joinPath(instance.rootDir, filepath.value));
  const written = asText(resource.body.filepath) ?? filepath.value;
  if (!flows.has(location)) {
    issue(`filepath "${written}" (${location}) is none of the input files; give the flow file or its folder as an input`);
    return;
  }
  const values: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const [key, expression] of Object.entries(asMap(firstBlock(resource.body.substitutions)) ?? {})) {
    const value = scope.evaluate(expression);
    if ('value' in value) values[key] = value.value;
    else unresolved.push(`${key} (${value.missing})`);
  }
  if (unresolved.length > 0) issue(`substitutions without a value: ${unresolved.join(', ')}; give them with --set name=value`);
  const existing = plan.byLocation.get(location);
  if (existing !== undefined) {
    issue(
      `filepath "${written}" is also the filepath of ${existing.resource} (${existing.file}); the values of ${existing.resource} are used`,
    );
    return;
  }
  plan.byLocation.set(location, { resource: address, file: resource.file.path, values });
}

/** Evaluates HCL expressions as hcl2json writes them: literals, and `${…}` holding a traversal. */
class Scope {
  private readonly locals = new Map<string, unknown>();
  private readonly evaluating = new Set<string>();

  constructor(private readonly instance: ModuleInstance) {
    for (const file of instance.configurations) {
      for (const block of blocks(asMap(file.body)?.locals)) for (const [name, value] of Object.entries(block)) this.locals.set(name, value);
    }
  }

  evaluate(expression: unknown): Evaluated {
    if (typeof expression === 'number' || typeof expression === 'boolean') return { value: String(expression) };
    const text = asText(expression);
    if (text === undefined) return { missing: expression === undefined ? 'not set' : 'not a string' };
    let result = '';
    let position = 0;
    for (const match of text.matchAll(/\$\{([^{}]*)\}/g)) {
      result += text.slice(position, match.index);
      position = (match.index ?? 0) + match[0].length;
      const part = this.reference(match[1]!.trim());
      if ('missing' in part) return part;
      result += part.value;
    }
    return { value: result + text.slice(position) };
  }

  private reference(expression: string): Evaluated {
    // As Terraform has them: relative to where it runs (the root module's folder), `.` for the root itself.
    const path = /^path\.(module|root|cwd)$/.exec(expression);
    if (path) return { value: path[1] === 'module' ? relativePath(this.instance.rootDir, this.instance.dir) : '.' };
    const variable = /^var\.([\w-]+)$/.exec(expression);
    if (variable) return this.instance.variables.get(variable[1]!) ?? { missing: `var.${variable[1]} has no value` };
    const local = /^local\.([\w-]+)$/.exec(expression);
    if (local) return this.guarded(expression, () => this.evaluate(this.locals.get(local[1]!)), `local.${local[1]} has no value`);
    const attribute = /^(data\.)?([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(expression);
    if (attribute && !expression.startsWith('module.')) {
      const section = attribute[1] === undefined ? 'resource' : 'data';
      const block = this.block(section, attribute[2]!, attribute[3]!);
      const literal = block?.[attribute[4]!];
      if (literal !== undefined) return this.guarded(expression, () => this.evaluate(literal), `${expression} has no value`);
    }
    return { missing: expression };
  }

  private guarded(key: string, evaluate: () => Evaluated, missing: string): Evaluated {
    if (this.evaluating.has(key) || this.evaluating.size > MAX_DEPTH) return { missing };
    this.evaluating.add(key);
    try {
      const result = evaluate();
      return 'missing' in result && result.missing === 'not set' ? { missing } : result;
    } finally {
      this.evaluating.delete(key);
    }
  }

  private block(section: 'resource' | 'data', type: string, name: string): PlainMap | undefined {
    for (const file of this.instance.configurations) {
      const found = firstBlock(asMap(asMap(asMap(file.body)?.[section])?.[type])?.[name]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

function flowResources(files: readonly TerraformFile[]): Array<{ name: string; body: PlainMap; file: TerraformFile }> {
  const found: Array<{ name: string; body: PlainMap; file: TerraformFile }> = [];
  for (const file of files) {
    const flows = asMap(asMap(asMap(file.body)?.resource)?.genesyscloud_flow);
    for (const [name, value] of Object.entries(flows ?? {})) {
      const body = firstBlock(value);
      if (body !== undefined) found.push({ name, body, file });
    }
  }
  return found;
}

function moduleCalls(files: readonly TerraformFile[], dir: string): Array<{ name: string; dir: string; arguments: PlainMap }> {
  const calls: Array<{ name: string; dir: string; arguments: PlainMap }> = [];
  for (const file of files) {
    for (const [name, value] of Object.entries(asMap(asMap(file.body)?.module) ?? {})) {
      const body = firstBlock(value);
      const source = asText(body?.source);
      // Only local modules are in the files given; registry and git modules are not.
      if (body === undefined || source === undefined || !/^\.\.?\//.test(source)) continue;
      calls.push({ name, dir: normalisePath(joinPath(dir, source)), arguments: body });
    }
  }
  return calls;
}

/** Root variables: `.tfvars` files in the root's folder (or, when none is, every `.tfvars` given), then defaults. */
function rootVariables(dir: string, roots: readonly string[], tfvars: readonly TerraformFile[]): Map<string, Evaluated> {
  const own = tfvars.filter((file) => directoryOf(normalisePath(file.location)) === dir);
  const orphans = tfvars.filter((file) => !roots.includes(directoryOf(normalisePath(file.location))));
  const variables = new Map<string, Evaluated>();
  for (const file of [...orphans, ...own].sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0))) {
    for (const [name, value] of Object.entries(asMap(file.body) ?? {})) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        variables.set(name, { value: String(value) });
    }
  }
  return variables;
}

function withDefaults(variables: Map<string, Evaluated>, files: readonly TerraformFile[]): Map<string, Evaluated> {
  for (const file of files) {
    for (const [name, value] of Object.entries(asMap(asMap(file.body)?.variable) ?? {})) {
      if (variables.has(name)) continue;
      const fallback = firstBlock(value)?.default;
      if (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean')
        variables.set(name, { value: String(fallback) });
    }
  }
  return variables;
}

function blocks(value: unknown): PlainMap[] {
  const list = asList(value) ?? (value === undefined ? [] : [value]);
  return list.map(asMap).filter((block): block is PlainMap => block !== undefined);
}

function firstBlock(value: unknown): PlainMap | undefined {
  return blocks(value)[0];
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}
