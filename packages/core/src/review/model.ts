import type { AnalysisResult, Finding, Severity } from '../analysis/result.js';
import type { Impact } from '../analysis/result.js';
import type { CycleFocus } from '../scoping/cycle-focus.js';
import type { Focus } from '../scoping/focus.js';

/** Rows a report lists at most per table; the rest are counted, with where to find them. */
export const REPORT_ROW_LIMIT = 200;
/** Cycles drawn at most; the rest are listed by path. */
export const REPORT_CYCLE_DIAGRAM_LIMIT = 25;
/** Names listed at most per deployment wave. */
export const REPORT_WAVE_NAME_LIMIT = 60;

/** Everything a review report shows, computed by the caller: the report itself only formats it. */
export interface ReportInput {
  title: string;
  /** What was analysed, for a person: the input paths, `demo org`, `live org (eu-west-1)`. */
  source: string;
  /** When, as the caller wants it printed (the report never reads the clock). */
  generatedAt?: string;
  result: AnalysisResult;
  /** Node id -> what a person recognises (a step as `flow › step`). */
  nameOf: (id: string) => string;
  /** One cycle focus per cycle to draw, in the order of `result.cycles`, at most REPORT_CYCLE_DIAGRAM_LIMIT. */
  cycleFocuses: readonly CycleFocus[];
  /** With `--focus`: the focus diagram and the node's impact. */
  focus?: { scope: Focus; impact: Impact };
}

export interface TableRows {
  header: string[];
  rows: string[][];
  /** Rows left out past REPORT_ROW_LIMIT. */
  more: number;
}

/** The report as data; markdown and HTML renderers are pure functions of it. */
export interface ReportModel {
  title: string;
  source: string;
  generatedAt?: string;
  summary: Array<[string, string]>;
  verdict: { blocking: boolean; text: string };
  cycles: Array<{ heading: string; path: string; cut: string; reason: string; diagram?: CycleFocus }>;
  cyclesNotDrawn: number;
  findingCounts: Array<{ code: string; severity: Severity; count: number }>;
  findings: TableRows;
  waves: TableRows;
  deploymentNote: string;
  importErrors: TableRows;
  focus?: { scope: Focus; heading: string; note: string; upstream: TableRows; downstream: TableRows; entryFlows: string };
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function buildReportModel(input: ReportInput): ReportModel {
  const { result, nameOf } = input;
  const orgCycles = result.cycles.filter((cycle) => cycle.scope === 'org').length;
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  const blocking = result.deployment.blocked || errors > 0;
  const model: ReportModel = {
    title: input.title,
    source: input.source,
    summary: [
      ['Flows', count(result.summary.flows)],
      ['Steps', count(result.summary.steps)],
      ['Resources', count(result.summary.resources)],
      ['Edges', count(result.summary.edges)],
      ['Cycles', `${count(orgCycles)} across flows · ${count(result.cycles.length - orgCycles)} inside flows`],
      [
        'Findings',
        `${plural(errors, 'error')} · ${plural(warnings, 'warning')} · ${count(result.findings.length - errors - warnings)} info`,
      ],
      ['Deployment', `${count(result.deployment.waves.length)} waves${result.deployment.blocked ? ' · blocked by a cycle' : ''}`],
      ['Import problems', count(result.errors.length)],
    ],
    verdict: {
      blocking,
      text: blocking
        ? `Not ready: ${[errors > 0 ? plural(errors, 'error finding') : '', result.deployment.blocked ? 'a cycle blocks the deployment order' : ''].filter(Boolean).join(' and ')}.`
        : 'Ready: no error findings and a deployment order exists.',
    },
    cycles: input.cycleFocuses.map((focus, i) => ({
      heading: `${i + 1}. ${focus.cycle.scope === 'org' ? 'Across flows' : `Inside ${nameOf(focus.cycle.flowId ?? '')}`}: ${plural(focus.cycle.members.length, 'member')}`,
      path: focus.cycle.path.map(nameOf).join(' → '),
      cut: `${nameOf(focus.cut.source)} → ${nameOf(focus.cut.target)}${focus.cut.via === undefined ? '' : ` (${focus.cut.via})`}`,
      reason: focus.cut.reason,
      diagram: focus,
    })),
    cyclesNotDrawn: result.cycles.length - input.cycleFocuses.length,
    findingCounts: findingCounts(result.findings),
    findings: table(
      ['Severity', 'Code', 'About', 'Message'],
      [...result.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
      (finding) => [finding.severity, finding.code, nameOf(finding.subject), finding.message],
    ),
    waves: table(
      ['Wave', 'Deploy', 'Count'],
      result.deployment.waves.map((wave, i) => ({ wave, i })),
      ({ wave, i }) => {
        const shown = wave.slice(0, REPORT_WAVE_NAME_LIMIT).map(nameOf).join(', ');
        const more = wave.length > REPORT_WAVE_NAME_LIMIT ? ` +${count(wave.length - REPORT_WAVE_NAME_LIMIT)} more` : '';
        return [String(i + 1), `${shown}${more}`, count(wave.length)];
      },
    ),
    deploymentNote:
      result.deployment.groups.length === 0
        ? 'Dependencies first: each wave uses only what earlier waves deployed.'
        : `Dependencies first. ${count(result.deployment.groups.length)} groups form cycles and must be deployed together: ${result.deployment.groups
            .slice(0, 10)
            .map((group) => group.map(nameOf).join(' + '))
            .join('; ')}.`,
    importErrors: table(
      ['Severity', 'File', 'Message'],
      result.errors.filter((issue) => issue.severity === 'error'),
      (issue) => [issue.severity, issue.file ?? '', issue.message],
    ),
  };
  if (input.generatedAt !== undefined) model.generatedAt = input.generatedAt;
  if (input.focus !== undefined) {
    const { scope, impact } = input.focus;
    const impactRows = (entries: Impact['downstream']) =>
      table(['Depth', 'Node', 'Path'], entries, (entry) => [String(entry.depth), nameOf(entry.id), entry.path.map(nameOf).join(' → ')]);
    model.focus = {
      scope,
      heading: scope.title,
      note: focusNote(scope),
      upstream: impactRows(impact.upstream),
      downstream: impactRows(impact.downstream),
      entryFlows: impact.entryFlows.length === 0 ? 'none' : impact.entryFlows.map(nameOf).join(', '),
    };
  }
  return model;
}

function focusNote(scope: Focus): string {
  const parts = [
    `${plural(scope.nodes.length, 'node')}, ${plural(scope.edges.length, 'edge')}`,
    `${count(scope.reached.up)} upstream and ${count(scope.reached.down)} downstream within the depth`,
  ];
  const hidden = scope.hidden.reduce((sum, entry) => sum + entry.count, 0);
  if (hidden > 0) parts.push(`${count(hidden)} hidden by the filters`);
  if (scope.grouping.applied) parts.push(`grouped by type to stay readable`);
  else if (scope.grouping.offered)
    parts.push(`over ${scope.grouping.nodeLimit} nodes: grouping would draw ${count(scope.grouping.groupedNodeCount)}`);
  return `${parts.join('; ')}.`;
}

function findingCounts(findings: readonly Finding[]): ReportModel['findingCounts'] {
  const counts = new Map<string, { code: string; severity: Severity; count: number }>();
  for (const finding of findings) {
    const key = `${finding.severity} ${finding.code}`;
    const existing = counts.get(key);
    if (existing === undefined) counts.set(key, { code: finding.code, severity: finding.severity, count: 1 });
    else existing.count++;
  }
  return [...counts.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count);
}

/** The first REPORT_ROW_LIMIT items as rows, the rest counted: rows are built only for what is shown (an impact path is built when read). */
function table<T>(header: string[], items: readonly T[], row: (item: T) => string[]): TableRows {
  return { header, rows: items.slice(0, REPORT_ROW_LIMIT).map(row), more: Math.max(0, items.length - REPORT_ROW_LIMIT) };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? '' : 's'}`;
}
