import { capped, cell, inline, plural } from './markdown-text.js';
import type { Problem, ProblemReport } from './problems.js';

const LIST_LIMIT = 50;

/**
 * `check --format markdown`: a pull-request comment. The verdict first, then the problems the
 * change must fix, then (folded) the ones a baseline accepts and the ones fixed since.
 */
export function checkMarkdown(report: ProblemReport): string {
  const open = report.problems.filter((problem) => problem.state !== 'unchanged' && problem.state !== 'absent');
  const existing = report.problems.filter((problem) => problem.state === 'unchanged');
  const fixed = report.problems.filter((problem) => problem.state === 'absent');
  const errors = open.filter((problem) => problem.severity === 'error').length;
  const out: string[] = ['## Flowgraph check', ''];
  out.push(report.failed ? `❌ **${plural(errors, 'problem')} to fix** (error level).` : '✅ **No new error-level problems.**');
  const counts = [`${plural(open.length, 'open problem')}`];
  if (existing.length > 0 || fixed.length > 0)
    counts.push(`${existing.length} existing (baseline)`, `${fixed.length} fixed since the baseline`);
  out.push('', counts.join(' · '), '');
  if (open.length > 0) {
    out.push('| severity | problem | about | message |', '|---|---|---|---|');
    out.push(
      ...capped(
        open.map((problem) => row(problem, report)),
        LIST_LIMIT,
        'problems',
      ),
    );
    out.push('');
  }
  if (existing.length > 0) out.push(...folded(`Existing problems (in the baseline): ${existing.length}`, existing, report));
  if (fixed.length > 0) out.push(...folded(`Fixed since the baseline: ${fixed.length}`, fixed, report));
  return `${out.join('\n').trimEnd()}\n`;
}

function row(problem: Problem, report: ProblemReport): string {
  return `| ${problem.severity} | \`${problem.code}\` | ${cell(about(problem, report))} | ${cell(problem.message)} |`;
}

function about(problem: Problem, report: ProblemReport): string {
  const subject = problem.subject === undefined ? undefined : report.nodes[problem.subject];
  const where = problem.file === undefined ? '' : ` (${problem.file}${problem.line ? `:${problem.line}` : ''})`;
  return `${subject?.name ?? problem.subject ?? ''}${where}`.trim();
}

function folded(title: string, problems: readonly Problem[], report: ProblemReport): string[] {
  return [
    '<details>',
    `<summary>${title}</summary>`,
    '',
    ...capped(
      problems.map((problem) =>
        problem.state === 'absent' ? `- ${inline(problem.message)}` : `- \`${problem.code}\` ${inline(about(problem, report))}`,
      ),
      LIST_LIMIT,
      'problems',
    ),
    '',
    '</details>',
    '',
  ];
}
