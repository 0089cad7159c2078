import { escapeXml, exportScopeSvg } from '../exporters/scope-svg.js';
import { buildReportModel, type ReportInput, type TableRows } from './model.js';

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.verdict{padding:.6rem .8rem;border-radius:4px;font-weight:bold}.blocking{background:#fde8e8;color:#8a1010}
.ok{background:#e6f4ea;color:#135c26}.diagram{overflow:auto;border:1px solid #eee;margin:.5rem 0 1rem}.diagram svg{max-width:none}
.note{color:#555}.severity-error{color:#a00;font-weight:bold}.severity-warning{color:#a60}
@media print{.diagram{overflow:visible}.diagram svg{max-width:100%;height:auto}body{max-width:none}}`;

/**
 * The review document as one self-contained HTML file: inline CSS, diagrams as inline SVG drawn by
 * core (no Graphviz, no script, no network), the same sections as the Markdown report. Pure.
 */
export function reportHtml(input: ReportInput): string {
  const model = buildReportModel(input);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeXml(model.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<h1>${escapeXml(model.title)}</h1>`,
    `<p class="note">Source: ${escapeXml(model.source)}${model.generatedAt === undefined ? '' : ` · generated ${escapeXml(model.generatedAt)}`}</p>`,
    `<p class="verdict ${model.verdict.blocking ? 'blocking' : 'ok'}">${escapeXml(model.verdict.text)}</p>`,
    '<h2>Summary</h2>',
    htmlTable({ header: [], rows: model.summary.map(([k, v]) => [k, v]), more: 0 }),
  ];
  if (model.focus !== undefined) {
    const { focus } = model;
    out.push(`<h2>Focus: ${escapeXml(focus.heading)}</h2>`, `<p class="note">${escapeXml(focus.note)}</p>`);
    out.push(`<div class="diagram">${exportScopeSvg(focus.scope)}</div>`);
    out.push(`<p>Entry flows that reach it: ${escapeXml(focus.entryFlows)}</p>`);
    out.push('<h3>Upstream, any depth: what breaks if it changes</h3>', htmlTable(focus.upstream));
    out.push('<h3>Downstream, any depth: what it depends on</h3>', htmlTable(focus.downstream));
  }
  out.push('<h2>Cycles</h2>');
  if (model.cycles.length === 0) out.push('<p>No circular references.</p>');
  for (const cycle of model.cycles) {
    out.push(`<h3>${escapeXml(cycle.heading)}</h3>`, `<p>Path: ${escapeXml(cycle.path)}</p>`);
    out.push(`<p>Suggested cut: <strong>${escapeXml(cycle.cut)}</strong>. ${escapeXml(cycle.reason)}</p>`);
    if (cycle.diagram !== undefined) out.push(`<div class="diagram">${exportScopeSvg(cycle.diagram)}</div>`);
  }
  if (model.cyclesNotDrawn > 0)
    out.push(`<p class="note">… and ${model.cyclesNotDrawn.toLocaleString('en-US')} more cycles (see <code>flowgraph analyze</code>).</p>`);
  out.push('<h2>Findings</h2>');
  if (model.findingCounts.length === 0) out.push('<p>No findings.</p>');
  else {
    out.push(
      htmlTable({
        header: ['Severity', 'Code', 'Count'],
        rows: model.findingCounts.map((c) => [c.severity, c.code, String(c.count)]),
        more: 0,
      }),
    );
    out.push(htmlTable(model.findings));
  }
  out.push('<h2>Deployment waves</h2>', `<p>${escapeXml(model.deploymentNote)}</p>`, htmlTable(model.waves));
  if (model.importErrors.rows.length > 0) out.push('<h2>Import errors</h2>', htmlTable(model.importErrors));
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}

function htmlTable(table: TableRows): string {
  if (table.rows.length === 0) return '<p>None.</p>';
  const head = table.header.length === 0 ? '' : `<thead><tr>${table.header.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((value, i) => `<td${i === 0 && /^(error|warning)$/.test(value) ? ` class="severity-${value}"` : ''}>${escapeXml(value)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const more = table.more > 0 ? `<p class="note">… ${table.more.toLocaleString('en-US')} more rows (see the JSON output).</p>` : '';
  return `<table>${head}<tbody>\n${body}\n</tbody></table>${more}`;
}
