import { compareStrings } from '../util/compare.js';
import type { Problem, ProblemReport } from './problems.js';
import { ruleFor, sarifLevel } from './rules.js';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri?: string;
}

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0, one run: a rule per problem code, a result per problem with its file as a
 * repository-relative location (and line when known), the node as a logical location, a stable
 * fingerprint (the problem's identity) and, when something was compared, `baselineState`.
 * Pure: the caller writes the string.
 */
export function toSarif(report: ProblemReport, tool: ToolInfo): string {
  const codes = [...new Set(report.problems.map((problem) => problem.code))].sort(compareStrings);
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const rules = codes.map((code) => {
    const rule = ruleFor(code);
    const level = report.problems.find((problem) => problem.code === code)?.severity ?? 'warning';
    return {
      id: code,
      name: ruleName(code),
      shortDescription: { text: rule.summary },
      help: { text: rule.help },
      defaultConfiguration: { level: sarifLevel(level) },
    };
  });
  const results = report.problems.map((problem) => resultOf(problem, ruleIndex.get(problem.code) as number, report));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        automationDetails: { id: `${tool.name}/${report.command}/` },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function resultOf(problem: Problem, ruleIndex: number, report: ProblemReport) {
  const subject = problem.subject === undefined ? undefined : report.nodes[problem.subject];
  const physical = isRepositoryFile(problem.file)
    ? {
        physicalLocation: {
          artifactLocation: artifactOf(problem.file),
          ...(problem.line ? { region: { startLine: problem.line } } : {}),
        },
      }
    : {};
  const logical =
    problem.subject === undefined
      ? {}
      : {
          logicalLocations: [
            { name: subject?.name ?? problem.subject, fullyQualifiedName: problem.subject, kind: subject?.kind ?? 'object' },
          ],
        };
  const hasLocation = Object.keys(physical).length > 0 || Object.keys(logical).length > 0;
  return {
    ruleId: problem.code,
    ruleIndex,
    level: sarifLevel(problem.severity),
    message: { text: problem.message },
    ...(hasLocation ? { locations: [{ ...physical, ...logical }] } : {}),
    partialFingerprints: { 'flowgraphProblem/v1': problem.key },
    ...(problem.state ? { baselineState: problem.state } : {}),
  };
}

/** A path the reader can open: not a crawl's `live:`/`demo:` pseudo-file. */
export function isRepositoryFile(file: string | undefined): file is string {
  return file !== undefined && file !== '' && !/^[a-z][a-z0-9+.-]+:/i.test(file);
}

/** Relative paths against the repository root (`%SRCROOT%`), absolute ones as `file://` URIs. */
function artifactOf(file: string): { uri: string; uriBaseId?: string } {
  const path = file
    .replaceAll('\\', '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return path.startsWith('/') ? { uri: `file://${path}` } : { uri: path.replace(/^(\.\/)+/, ''), uriBaseId: '%SRCROOT%' };
}

/** `org-cycle` -> `OrgCycle`: SARIF's rule name is an identifier-like string. */
function ruleName(code: string): string {
  return code
    .split(/[^a-zA-Z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
