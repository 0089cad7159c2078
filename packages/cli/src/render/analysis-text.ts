import { type AnalysisResult, type Cycle, type Finding, type FlowGraph, nodeLookup, objectNodes, type Severity } from '@flowgraph/core';
import type { Colors } from './colors.js';
import type { NameOf } from './names.js';
import { type Cell, firstOf, plural, renderTable } from './table.js';

// A terminal is for reading: long lists are cut here, and `--format json` has everything.
const LIST_LIMIT = 20;
const FINDINGS_LIMIT = 100;
// More findings than this of one code read as one line naming the first few: a screen, not a wall.
const GROUP_AT = 6;

/** The analysis as text for people: summary, cycles (by name), deployment waves, findings by severity. */
export function renderAnalysisText(result: AnalysisResult, graph: FlowGraph, nameOf: NameOf, colors: Colors): string {
  const sections = [
    renderSummary(result, graph, colors),
    renderCycles(result.cycles, graph, nameOf, colors),
    renderDeployment(result, nameOf, colors),
    renderFindings(result.findings, nameOf, colors),
  ];
  return `${sections.join('\n\n')}\n`;
}

function renderSummary(result: AnalysisResult, graph: FlowGraph, colors: Colors): string {
  const { summary } = result;
  // The graph also holds flows only referenced (missing, deleted): say so, or the two flow counts disagree unexplained.
  let external = 0;
  for (const node of objectNodes(graph)) if (node.kind === 'flow' && node.file === undefined) external++;
  const flows =
    external === 0
      ? plural(summary.flows, 'flow')
      : `${plural(summary.flows, 'flow')} (${(summary.flows - external).toLocaleString('en-US')} imported, ${external.toLocaleString('en-US')} only referenced)`;
  return `${colors.bold('Graph')}  ${[flows, plural(summary.steps, 'step'), plural(summary.resources, 'resource'), plural(summary.edges, 'edge')].join(' · ')}`;
}

function renderCycles(cycles: Cycle[], graph: FlowGraph, nameOf: NameOf, colors: Colors): string {
  if (cycles.length === 0) return `${colors.bold('Cycles')}  ${colors.green('none')}`;
  // Org cycles first: they block deployment; step loops (menu repeats) are usually intended.
  const org = cycles.filter((cycle) => cycle.scope === 'org');
  const inFlow = cycles.filter((cycle) => cycle.scope === 'flow');
  const lines = [`${colors.bold('Cycles')}  ${org.length} across flows · ${inFlow.length} inside flows`];
  for (const [label, group, paint] of [
    ['org', org, colors.red],
    ['flow', inFlow, colors.yellow],
  ] as const) {
    const { shown, hidden } = firstOf(group, LIST_LIMIT);
    for (const cycle of shown) lines.push(`  ${paint(label.padEnd(4))}  ${describeCycle(cycle, graph, nameOf)}`);
    if (hidden > 0) lines.push(colors.dim(`  … ${plural(hidden, `more ${label} cycle`)} (see --format json)`));
  }
  return lines.join('\n');
}

function describeCycle(cycle: Cycle, graph: FlowGraph, nameOf: NameOf): string {
  if (cycle.scope === 'flow' && cycle.flowId) {
    // Inside one flow the flow name is said once, then only step names.
    const stepName = (id: string) => {
      const node = nodeLookup(graph).get(id);
      return node?.kind === 'step' ? node.name || node.stepId : nameOf(id);
    };
    return `${nameOf(cycle.flowId)}: ${cycle.path.map(stepName).join(' → ')}`;
  }
  return `${cycle.path.map(nameOf).join(' → ')}   (cut ${nameOf(cycle.cut.source)} → ${nameOf(cycle.cut.target)})`;
}

function renderDeployment(result: AnalysisResult, nameOf: NameOf, colors: Colors): string {
  const { waves, groups, blocked } = result.deployment;
  const status = blocked ? colors.red('blocked by a cycle') : colors.green('ok');
  const lines = [`${colors.bold('Deployment')}  ${plural(waves.length, 'wave')} · ${status}`];
  const { shown, hidden } = firstOf(waves, LIST_LIMIT);
  const rows = shown.map((wave, index) => {
    const names = firstOf(wave, 8);
    const more = names.hidden > 0 ? ` +${names.hidden} more` : '';
    return [{ text: `wave ${index + 1}`, paint: colors.dim }, `${names.shown.map(nameOf).join(', ')}${more}`];
  });
  lines.push(...renderTable(rows, '  '));
  if (hidden > 0) lines.push(colors.dim(`  … ${plural(hidden, 'more wave')}`));
  for (const group of firstOf(groups, LIST_LIMIT).shown) {
    lines.push(`  ${colors.yellow('together')}  ${group.map(nameOf).join(', ')}`);
  }
  const dynamic = result.deployment.dynamic;
  if (dynamic.length > 0) {
    const names = firstOf(dynamic, 8);
    const more = names.hidden > 0 ? ` +${names.hidden} more` : '';
    lines.push(
      `  ${colors.dim('run time')}  ${names.shown.map(nameOf).join(', ')}${more}  ${colors.dim('(chosen when the flow runs; nothing to deploy)')}`,
    );
  }
  return lines.join('\n');
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function renderFindings(findings: Finding[], nameOf: NameOf, colors: Colors): string {
  const paint = { error: colors.red, warning: colors.yellow, info: colors.cyan } satisfies Record<Severity, Colors['red']>;
  const bySeverity = new Map<Severity, Finding[]>(SEVERITIES.map((severity) => [severity, []]));
  for (const finding of findings) bySeverity.get(finding.severity)?.push(finding);
  const counts = SEVERITIES.map((severity) =>
    plural(bySeverity.get(severity)?.length ?? 0, severity, severity === 'info' ? 'info' : undefined),
  );
  const rows: Array<Array<Cell | string>> = [];
  const hiddenNotes: string[] = [];
  for (const severity of SEVERITIES) {
    const byCode = new Map<string, Finding[]>();
    for (const finding of bySeverity.get(severity) ?? []) {
      const group = byCode.get(finding.code);
      // Pushed, not copied: 50,000 flow loops of one code were 1.25 billion copies (`check` took 131 s).
      if (group === undefined) byCode.set(finding.code, [finding]);
      else group.push(finding);
    }
    for (const [code, group] of byCode) {
      if (group.length < GROUP_AT) continue;
      const names = firstOf(group, GROUP_AT - 1);
      rows.push([
        { text: severity, paint: paint[severity] },
        { text: code, paint: colors.dim },
        `${plural(group.length, 'finding')}: ${names.shown.map((finding) => nameOf(finding.subject)).join(', ')}${names.hidden > 0 ? ', …' : ''} (--format json lists each)`,
      ]);
    }
    const single = (bySeverity.get(severity) ?? []).filter((finding) => (byCode.get(finding.code)?.length ?? 0) < GROUP_AT);
    const { shown, hidden } = firstOf(single, FINDINGS_LIMIT);
    for (const finding of shown) {
      rows.push([
        { text: severity, paint: paint[severity] },
        { text: finding.code, paint: colors.dim },
        `${nameOf(finding.subject)}: ${finding.message}`,
      ]);
    }
    if (hidden > 0) hiddenNotes.push(colors.dim(`  … ${plural(hidden, `more ${severity}`)} (see --format json)`));
  }
  // One table for all severities, so codes and subjects line up down the whole list.
  return [`${colors.bold('Findings')}  ${counts.join(' · ')}`, ...renderTable(rows, '  '), ...hiddenNotes].join('\n');
}
