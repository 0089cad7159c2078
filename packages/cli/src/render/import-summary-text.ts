import { formatIssue, type ImportIssue, type ImportSummary } from '@flowgraph/core';
import type { Colors } from './colors.js';
import { firstOf, plural, renderTable } from './table.js';

// Errors are all shown (each is an input CI rejects); warnings up to one screen.
const ERRORS_LIMIT = 50;
const WARNINGS_LIMIT = 20;

/** What was read: files by format, flows by type, steps, references by kind, what stayed unresolved, per-file errors. */
export function renderImportSummary(summary: ImportSummary, errors: ImportIssue[], warnings: ImportIssue[], colors: Colors): string {
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
  // Errors first and apart: an input that could not be used matters more than a field that was defaulted.
  lines.push(...renderIssues('errors', errors, ERRORS_LIMIT, colors.red, colors));
  lines.push(...renderIssues('warnings', warnings, WARNINGS_LIMIT, colors.yellow, colors));
  return `${lines.join('\n')}\n`;
}

function renderIssues(heading: string, issues: ImportIssue[], limit: number, paint: (text: string) => string, colors: Colors): string[] {
  if (issues.length === 0) return [];
  const { shown, hidden } = firstOf(issues, limit);
  const lines = [`  ${paint(colors.bold(heading))}  ${issues.length.toLocaleString('en-US')}`];
  for (const issue of shown) lines.push(`    ${formatIssue(issue)}`);
  if (hidden > 0) lines.push(colors.dim(`    … ${plural(hidden, `more ${heading.replace(/s$/, '')}`)} (see --format json)`));
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
