import { formatIssue, type ImportIssue } from '@flowgraph/core';
import type { OutputStream } from '../io.js';

const SHOWN = 10;

/**
 * Import errors on stderr, where CI logs show them, when stdout carries JSON, DOT or impact:
 * the output stays machine-readable and the broken files are still named.
 */
export function writeImportErrors(issues: readonly ImportIssue[], stderr: OutputStream): void {
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length === 0) return;
  const files = new Set(errors.map((issue) => issue.file)).size;
  const lines = errors.slice(0, SHOWN).map((issue) => `  ${formatIssue(issue)}`);
  if (errors.length > SHOWN) lines.push(`  … ${errors.length - SHOWN} more (analyze --format json lists them in "errors")`);
  stderr.write(
    `flowgraph: ${errors.length} import error${errors.length === 1 ? '' : 's'} ` +
      `in ${files} file${files === 1 ? '' : 's'}; the rest was analysed:\n${lines.join('\n')}\n`,
  );
}
