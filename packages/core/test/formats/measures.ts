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
