import type { ImportIssue } from '../contract/analysis.js';

// Defined by the contract (contract/analysis.ts `importIssueSchema`), used everywhere an input goes wrong.
export type { ImportIssue };

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.flow ? `flow "${issue.flow}"` : undefined, issue.field]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(': ');
  return `${where}: ${issue.message}`;
}
