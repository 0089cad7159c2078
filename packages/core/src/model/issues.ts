/**
 * A problem with one input: a file that cannot be read, a flow or a field that is invalid.
 * Collected, never thrown, so one broken flow never hides the others.
 */
export interface ImportIssue {
  /** The input file (or `live:` / `demo:` source) the problem is in. */
  file: string;
  /** The flow's name or id when the problem is inside one flow. */
  flow?: string;
  /** The field, as a path: `flows[3].definition.transitions[2].to`, `/inboundCall/tasks/0/task/actions/2`. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.flow ? `flow "${issue.flow}"` : undefined, issue.field]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(': ');
  return `${where}: ${issue.message}`;
}
