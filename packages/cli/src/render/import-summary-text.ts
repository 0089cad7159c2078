import { formatIssue, type ImportIssue, type ImportSummary } from '@flowgraph/core';
import type { Colors } from './colors.js';
import { firstOf, plural, renderTable } from './table.js';

const ISSUES_LIMIT = 30;

/** What was read: files by format, flows by type, steps, references by kind, what stayed unresolved, per-file errors. */
export function renderImportSummary(summary: ImportSummary, issues: ImportIssue[], colors: Colors): string {
  const failed = summary.files.failed > 0 ? colors.red(` · ${summary.files.failed} failed`) : '';
  const rows = [
    [label('files', colors), `${summary.files.total}${breakdown(summary.files.byFormat)}${failed}`],
    [label('flows', colors), `${total(summary.flowsByType)}${breakdown(summary.flowsByType)}`],
    [label('steps', colors), summary.steps.toLocaleString('en-US')],
    [label('references', colors), `${total(summary.referencesByVia)}${breakdown(summary.referencesByVia)}`],
    [
      label('unresolved', colors),
      [
        paintIf(summary.unresolved > 0, colors.yellow, `${summary.unresolved} missing targets`),
        paintIf(summary.ambiguous > 0, colors.yellow, `${summary.ambiguous} ambiguous`),
        paintIf(summary.templated > 0, colors.yellow, `${summary.templated} still templated`),
      ].join(' · '),
    ],
  ];
  const lines = [colors.bold('Import'), ...renderTable(rows, '  ')];
  lines.push(...renderIssues(issues, colors));
  return `${lines.join('\n')}\n`;
}

function renderIssues(issues: ImportIssue[], colors: Colors): string[] {
  if (issues.length === 0) return [];
  const errors = issues.filter((issue) => issue.severity === 'error');
  // Errors first: a file that failed matters more than a field that was defaulted.
  const ordered = [...errors, ...issues.filter((issue) => issue.severity === 'warning')];
  const { shown, hidden } = firstOf(ordered, ISSUES_LIMIT);
  const heading = `  ${colors.bold('issues')}  ${paintIf(errors.length > 0, colors.red, plural(errors.length, 'error'))} · ${plural(issues.length - errors.length, 'warning')}`;
  const lines = [heading];
  for (const issue of shown) {
    const mark = issue.severity === 'error' ? colors.red('error  ') : colors.yellow('warning');
    lines.push(`    ${mark} ${formatIssue(issue)}`);
  }
  if (hidden > 0) lines.push(colors.dim(`    … ${plural(hidden, 'more issue')} (see --format json)`));
  return lines;
}

function label(text: string, colors: Colors) {
  return { text, paint: colors.dim };
}

function total(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, count) => sum + count, 0);
}

/** ` (a 3, b 1)`, largest first, or nothing when empty. */
function breakdown(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([, a], [, b]) => b - a);
  return entries.length > 0 ? ` (${entries.map(([key, count]) => `${key} ${count.toLocaleString('en-US')}`).join(', ')})` : '';
}

function paintIf(condition: boolean, paint: (text: string) => string, text: string): string {
  return condition ? paint(text) : text;
}
