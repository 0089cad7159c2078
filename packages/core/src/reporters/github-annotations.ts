import { isOpen, type ProblemReport } from './problems.js';
import { isRepositoryFile } from './sarif.js';

/** GitHub shows at most this many annotations of a kind per step; the rest are summed up in one. */
const ANNOTATION_LIMIT = 50;

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`): each open problem
 * becomes an annotation on the pull request's files. Problems a baseline accepts and fixed ones
 * are left out: the annotations are what the change must fix.
 */
export function toGithubAnnotations(report: ProblemReport): string {
  const lines: string[] = [];
  const open = report.problems.filter((problem) => isOpen(problem) && problem.severity !== 'info');
  for (const problem of open.slice(0, ANNOTATION_LIMIT)) {
    const subject = problem.subject === undefined ? undefined : report.nodes[problem.subject];
    const properties: string[] = [];
    if (isRepositoryFile(problem.file)) {
      properties.push(`file=${property(problem.file.replace(/^(\.\/)+/, ''))}`);
      if (problem.line) properties.push(`line=${problem.line}`);
    }
    properties.push(`title=${property(`flowgraph ${problem.code}${subject ? `: ${subject.name}` : ''}`)}`);
    lines.push(`::${problem.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${data(problem.message)}`);
  }
  if (open.length > ANNOTATION_LIMIT) {
    lines.push(`::warning title=flowgraph::${data(`${open.length - ANNOTATION_LIMIT} more problems; see the report.`)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

// The runner's escaping (actions/toolkit `command.ts`): data escapes %, CR, LF; properties also : and ,.
function data(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function property(value: string): string {
  return data(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
