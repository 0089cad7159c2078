import { mermaidSize } from '../exporters/mermaid-size.js';
import { exportScopeMermaid } from '../exporters/scope-mermaid.js';
import type { ScopeDiagram } from '../scoping/scope.js';
import { buildReportModel, type ReportInput, type TableRows } from './model.js';

/**
 * A review document in Markdown (GitHub / GitLab flavour): summary and verdict, each cycle with a
 * Mermaid diagram, its path and the suggested cut, findings, deployment waves, import errors and,
 * with a focus, the focus diagram and the impact tables. Pure: the same input, the same text.
 */
export function reportMarkdown(input: ReportInput): string {
  const model = buildReportModel(input);
  const out: string[] = [`# ${inline(model.title)}`, ''];
  out.push(`Source: ${inline(model.source)}${model.generatedAt === undefined ? '' : ` · generated ${inline(model.generatedAt)}`}`, '');
  out.push(`**${inline(model.verdict.text)}**`, '');
  out.push('## Summary', '', ...markdownTable({ header: ['', ''], rows: model.summary.map(([k, v]) => [k, v]), more: 0 }), '');

  if (model.focus !== undefined) {
    const { focus } = model;
    out.push(`## Focus: ${inline(focus.heading)}`, '', inline(focus.note), '', ...mermaidBlock(focus.scope), '');
    out.push(`Entry flows that reach it: ${inline(focus.entryFlows)}`, '');
    out.push('### Upstream, any depth: what breaks if it changes', '', ...markdownTable(focus.upstream), '');
    out.push('### Downstream, any depth: what it depends on', '', ...markdownTable(focus.downstream), '');
  }

  out.push('## Cycles', '');
  if (model.cycles.length === 0) out.push('No circular references.', '');
  for (const cycle of model.cycles) {
    out.push(
      `### ${inline(cycle.heading)}`,
      '',
      `Path: ${inline(cycle.path)}`,
      '',
      `Suggested cut: **${inline(cycle.cut)}**. ${inline(cycle.reason)}`,
      '',
    );
    if (cycle.diagram !== undefined) out.push(...mermaidBlock(cycle.diagram), '');
  }
  if (model.cyclesNotDrawn > 0)
    out.push(`… and ${model.cyclesNotDrawn.toLocaleString('en-US')} more cycles (see \`flowgraph analyze\`).`, '');

  out.push('## Findings', '');
  if (model.findingCounts.length === 0) out.push('No findings.', '');
  else {
    out.push(
      ...markdownTable({
        header: ['Severity', 'Code', 'Count'],
        rows: model.findingCounts.map((c) => [c.severity, c.code, String(c.count)]),
        more: 0,
      }),
      '',
    );
    out.push(...markdownTable(model.findings), '');
  }

  out.push('## Deployment waves', '', inline(model.deploymentNote), '', ...markdownTable(model.waves), '');
  if (model.importErrors.rows.length > 0) out.push('## Import errors', '', ...markdownTable(model.importErrors), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** A fenced Mermaid diagram, or a note when it is more than renderers draw. */
function mermaidBlock(scope: ScopeDiagram): string[] {
  const text = exportScopeMermaid(scope);
  const size = mermaidSize(text);
  if (!size.fits) return [`> ${inline(size.advice ?? '')}`];
  return ['```mermaid', text.trimEnd(), '```'];
}

function markdownTable(table: TableRows): string[] {
  if (table.rows.length === 0) return ['None.'];
  const lines = [`| ${table.header.map(cell).join(' | ')} |`, `|${table.header.map(() => '---').join('|')}|`];
  for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  if (table.more > 0) lines.push('', `… ${table.more.toLocaleString('en-US')} more rows (see the JSON output).`);
  return lines;
}

/** A table cell: pipes escaped, line breaks as spaces, Markdown specials that would format escaped. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** Running text: one line, and `*_`<>[]` escaped so names do not turn into formatting or HTML. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_<>[\]#])/g, '\\$1');
}
