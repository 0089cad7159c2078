import type { Reference } from '../../src/model/reference.js';
import type { ImportUnit } from '../../src/importers/importer.js';

/** The references the pair comparison looks at: the kinds the export manifest lists by name. */
export function comparable(references: readonly Reference[]): Reference[] {
  return references.filter(
    ({ target }) =>
      target.kind !== 'dynamic' &&
      target.name !== undefined &&
      (target.kind === 'flow' || ['QUEUE', 'DATAACTION', 'DATATABLE'].includes(target.type)),
  );
}

/**
 * Names compared trimmed and case-folded. With `dropExportSuffix`, Architect's import suffix
 * (`Get Waiting Calls - Exported 2023-03-23 @ 8:22`) is removed: the same data action renamed
 * on import, not a different one.
 */
export function comparableNames(references: readonly Reference[], dropExportSuffix = false): Set<string> {
  const names = new Set<string>();
  for (const { target } of comparable(references)) {
    if (target.kind === 'dynamic' || target.name === undefined) continue;
    let name = target.name.trim().replace(/\s+/g, ' ').toLowerCase();
    if (dropExportSuffix) name = name.replace(/ - exported \d{4}-\d{2}-\d{2} @ \d{1,2}:\d{2}$/, '');
    names.add(`${target.kind === 'flow' ? 'flow' : target.type.toLowerCase()}:${name}`);
  }
  return names;
}

/** `{{x}}`, `${x}` and the `<x>` placeholders a PowerShell script fills (automated-callback), in a name or category. */
export function isTemplated(references: readonly Reference[]): boolean {
  return comparable(references).some(
    ({ target }) =>
      target.kind !== 'dynamic' && /\{\{|\$\{|<[A-Za-z_]+>/.test(`${target.name} ${'category' in target ? target.category : ''}`),
  );
}

export interface PairScore {
  found: number;
  expected: number;
  extracted: number;
  missed: string[];
  extra: string[];
}

export function scorePair(yamlNames: Set<string>, exportNames: Set<string>): PairScore {
  const missed = [...exportNames].filter((name) => !yamlNames.has(name));
  const extra = [...yamlNames].filter((name) => !exportNames.has(name));
  return { found: exportNames.size - missed.length, expected: exportNames.size, extracted: yamlNames.size, missed, extra };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '100%' : `${Math.round((1000 * part) / whole) / 10}%`;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export function errorsOf(unit: ImportUnit) {
  return unit.issues.filter((issue) => issue.severity === 'error');
}

/** Architect's default names for actions a YAML file leaves unnamed (the YAML importer names them by their key). */
const DEFAULT_NAMES: Readonly<Record<string, string>> = {
  callData: 'call data action',
  dataTableLookup: 'data table lookup',
  transferToAcd: 'transfer to acd',
  decision: 'decision',
};

/**
 * A flow's step graph in names a person compares: the entry step as `(entry)` (Archy YAML calls an
 * in-queue flow's start-up task `startUpTaskActions`, an export "In-Queue Task"), every other step
 * by its name, a repeated name numbered ` #2`, ` #3` in the order a walk from the entry meets it
 * (so both encodings number alike), and each transition as `from -label-> to`, sorted.
 */
export function stepGraph(unit: ImportUnit): { steps: string[]; transitions: string[] } {
  const names = new Map<string, string>();
  for (const node of unit.nodes) {
    if (node.kind !== 'step') continue;
    const named = node.name === node.type && Object.hasOwn(DEFAULT_NAMES, node.type) ? DEFAULT_NAMES[node.type]! : node.name;
    names.set(node.id, named.trim().replace(/\s+/g, ' ').toLowerCase());
  }
  const transitions = unit.edges.filter((edge) => edge.kind === 'transition');
  const entry = unit.edges.find((edge) => edge.kind === 'contains')?.target;
  const outgoing = new Map<string, typeof transitions>();
  for (const edge of transitions) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  // Breadth-first from the entry, each step's exits by label then target name: the same order in both encodings.
  const order: string[] = [];
  const queued = new Set<string>();
  const queue = entry === undefined ? [] : [entry];
  for (const id of queue) queued.add(id);
  for (let index = 0; index < queue.length; index++) {
    const id = queue[index]!;
    order.push(id);
    const exits = [...(outgoing.get(id) ?? [])].sort(
      (a, b) => (a.label ?? '').localeCompare(b.label ?? '') || (names.get(a.target) ?? '').localeCompare(names.get(b.target) ?? ''),
    );
    for (const edge of exits) {
      if (queued.has(edge.target)) continue;
      queued.add(edge.target);
      queue.push(edge.target);
    }
  }
  for (const id of names.keys()) if (!queued.has(id)) order.push(id);
  const keyOf = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const id of order) {
    if (id === entry) {
      keyOf.set(id, '(entry)');
      continue;
    }
    const name = names.get(id) ?? id;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    keyOf.set(id, count === 1 ? name : `${name} #${count}`);
  }
  return {
    steps: [...keyOf.values()].sort(),
    transitions: transitions
      .map((edge) => `${keyOf.get(edge.source)} -${(edge.label ?? '').toLowerCase()}-> ${keyOf.get(edge.target)}`)
      .sort(),
  };
}

/** What one side has that the other lacks. */
export function difference(a: readonly string[], b: readonly string[]): { onlyA: string[]; onlyB: string[] } {
  const left = [...a];
  const right = [...b];
  const onlyA = left.filter((item) => {
    const index = right.indexOf(item);
    if (index < 0) return true;
    right.splice(index, 1);
    return false;
  });
  return { onlyA, onlyB: right };
}

/** The import warning kinds docs/archy-and-exports.md lists ("Import warnings"), by how their message starts. */
export const WARNING_KINDS: ReadonlyArray<readonly [kind: string, start: RegExp]> = [
  ['template placeholders', /^template placeholders without a value: /],
  ['YAML', /^YAML: /],
  ['more than one flow', /^more than one flow in one file/],
  ['skipped action', /^(expected an action as a one-key map|not an Architect action)/],
  ['jump to nowhere', /^("[^"]*" points at no |points at .*, which is not an action or sequence)/],
  ['empty flow', /^the flow has no menus/],
  ['repeated id', /^(refId "[^"]*" is used twice|id .* is used twice)/],
  ['unknown flow type', /^unknown flow type/],
  ['referenced flow without a name', /^referenced flow without a name/],
  ['export structure', /^(initial sequence |no manifest|manifest entry )/],
  ['duplicate id', /^duplicate id /],
  ['Terraform', /^(substitutions without a value|filepath )/],
];

export function warningKind(message: string): string | undefined {
  return WARNING_KINDS.find(([, start]) => start.test(message))?.[0];
}
