import { compareStrings } from '../util/compare.js';
import { isOpen, type Problem, type ProblemReport } from './problems.js';
import { ruleFor } from './rules.js';

/**
 * JUnit XML, the format every CI server shows as a test report: one test suite per problem code,
 * one test case per problem. An open error is a failure; a problem the baseline lists is skipped
 * ("existing"); warnings and fixed problems pass with a line of output, so the report shows them
 * without turning the build red. A clean run is one passing case, so the report is never empty.
 */
export function toJunit(report: ProblemReport): string {
  const byCode = new Map<string, Problem[]>();
  for (const problem of report.problems) {
    const list = byCode.get(problem.code);
    if (list === undefined) byCode.set(problem.code, [problem]);
    else list.push(problem);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const code of [...byCode.keys()].sort(compareStrings)) {
    const problems = byCode.get(code) as Problem[];
    const cases = problems.map((problem) => testCase(problem, report));
    const suiteFailures = problems.filter(isFailure).length;
    const suiteSkipped = problems.filter((problem) => problem.state === 'unchanged').length;
    tests += problems.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite name="${attr(`flowgraph ${report.command}: ${code}`)}" tests="${problems.length}" ` +
        `failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n` +
        `    <properties><property name="description" value="${attr(ruleFor(code).summary)}"/></properties>\n` +
        `${cases.join('\n')}\n  </testsuite>`,
    );
  }
  if (suites.length === 0) {
    tests = 1;
    suites.push(
      `  <testsuite name="flowgraph ${report.command}" tests="1" failures="0" errors="0" skipped="0">\n` +
        `    <testcase classname="flowgraph.${report.command}" name="no problems"/>\n  </testsuite>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="flowgraph ${report.command}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
}

function isFailure(problem: Problem): boolean {
  return problem.severity === 'error' && isOpen(problem);
}

function testCase(problem: Problem, report: ProblemReport): string {
  const subject = problem.subject === undefined ? undefined : report.nodes[problem.subject];
  const name = subject === undefined ? (problem.file ?? problem.code) : `${subject.name} (${subject.kind} ${subject.type})`;
  const file = problem.file === undefined ? '' : ` file="${attr(problem.file)}"${problem.line ? ` line="${problem.line}"` : ''}`;
  const open = `    <testcase classname="${attr(`flowgraph.${problem.code}`)}" name="${attr(name)}"${file}>`;
  let body: string;
  if (isFailure(problem)) {
    body = `<failure type="${attr(problem.code)}" message="${attr(firstLine(problem.message))}">${text(problem.message)}</failure>`;
  } else if (problem.state === 'unchanged') {
    body = `<skipped message="${attr(`existing (in the baseline): ${firstLine(problem.message)}`)}"/>`;
  } else if (problem.state === 'absent') {
    body = `<system-out>${text(`fixed: ${problem.message}`)}</system-out>`;
  } else {
    body = `<system-out>${text(`${problem.severity}: ${problem.message}`)}</system-out>`;
  }
  return `${open}${body}</testcase>`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}

/** XML 1.0 forbids most control characters even as references: they become spaces. */
function clean(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ');
}

function text(value: string): string {
  return clean(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function attr(value: string): string {
  return text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}
