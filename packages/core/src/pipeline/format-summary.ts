import type { ImportSummary } from './summary.js';

/** The summary as a few plain lines for a terminal or a log (no colour: the caller adds it). */
export function formatImportSummary(summary: ImportSummary): string {
  const list = (record: Record<string, number>): string =>
    Object.entries(record)
      .map(([key, count]) => `${key} ${count}`)
      .join(', ') || 'none';
  const flows = Object.values(summary.flowsByType).reduce((sum, count) => sum + count, 0);
  const lines = [
    `files: ${summary.files.total} (${list(summary.files.byFormat)})${summary.files.failed ? `, ${summary.files.failed} failed` : ''}`,
    `flows: ${flows} (${list(summary.flowsByType)}), steps: ${summary.steps}`,
    `references: ${list(summary.referencesByVia)}`,
    `unresolved: ${summary.unresolved}, ambiguous: ${summary.ambiguous}, templated: ${summary.templated}`,
    `issues: ${summary.issues} (${summary.errors} errors)`,
  ];
  return `${lines.join('\n')}\n`;
}
