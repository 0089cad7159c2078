import type { BaselineComparison, Finding } from '@flowgraph/core';
import type { Colors } from './colors.js';
import type { NameOf } from './names.js';
import { firstOf, plural, renderTable } from './table.js';

const LIMIT = 50;

/** `check --baseline`: what is new (and fails), what the baseline already lists, what was fixed since. */
export function renderBaselineText(comparison: BaselineComparison, nameOf: NameOf, colors: Colors): string {
  const { introduced, existing, fixed } = comparison;
  const lines = [
    `${colors.bold('Baseline')}  ${plural(introduced.length, 'new problem')} · ` +
      `${plural(existing.length, 'existing', 'existing')} · ${plural(fixed.length, 'fixed', 'fixed')}`,
  ];
  const row = (label: string, paint: (text: string) => string, finding: Finding) => [
    { text: label, paint },
    { text: finding.code, paint: colors.dim },
    `${nameOf(finding.subject)}: ${finding.message}`,
  ];
  const news = firstOf(introduced, LIMIT);
  const olds = firstOf(existing, LIMIT);
  lines.push(
    ...renderTable(
      [
        ...news.shown.map((finding) => row(`new ${finding.severity}`, finding.severity === 'error' ? colors.red : colors.yellow, finding)),
        ...olds.shown.map((finding) => row('existing', colors.dim, finding)),
      ],
      '  ',
    ),
  );
  if (news.hidden + olds.hidden > 0) lines.push(colors.dim(`  … ${news.hidden + olds.hidden} more (see --format json)`));
  for (const entry of firstOf(fixed, LIMIT).shown) {
    lines.push(`  ${colors.green('fixed')}  ${colors.dim(entry.code)}  ${entry.name ?? nameOf(entry.subject)}`);
  }
  if (fixed.length > 0) lines.push(colors.dim('  Fixed problems can leave the baseline: write it again with "flowgraph baseline".'));
  return `${lines.join('\n')}\n`;
}
