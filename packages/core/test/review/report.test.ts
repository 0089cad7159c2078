import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { analyze } from '../../src/analysis/analyze.js';
import { impact } from '../../src/analysis/impact.js';
import type { ImpactEntry } from '../../src/analysis/result.js';
import { reportHtml } from '../../src/review/html.js';
import { reportMarkdown } from '../../src/review/markdown.js';
import type { ReportInput } from '../../src/review/model.js';
import { REPORT_ROW_LIMIT } from '../../src/review/model.js';
import { cycleFocus } from '../../src/scoping/cycle-focus.js';
import { focus } from '../../src/scoping/focus.js';
import { flow, graphOf, resource, uses } from '../analysis/builders.js';

/** A two-flow cycle, a module with 600 data actions (too many for one Mermaid diagram), names with Markdown and HTML specials. */
function input(): ReportInput {
  const actions = Array.from({ length: 600 }, (_, i) => resource(`da${i}`, { name: `Action ${i}`, type: 'DATAACTION' }));
  const graph = graphOf(
    [
      flow('a', { name: 'A *bold* | pipe', type: 'INBOUNDCALL' }),
      flow('b', { name: 'B <script>' }),
      flow('hub', { name: 'Hub' }),
      ...actions,
    ],
    [
      uses('a', 'b', 'transferToFlow'),
      uses('b', 'a', 'transferToFlow'),
      uses('a', 'hub'),
      ...actions.map((action) => uses('hub', action.id, 'callData')),
    ],
  );
  const result = analyze(new AnalysisContext(graph));
  const names = new Map([...graph.nodes.values()].map((node) => [node.id, node.name]));
  return {
    title: 'Review',
    source: 'fixture',
    result,
    nameOf: (id) => names.get(id) ?? id,
    cycleFocuses: result.cycles.map((cycle) => cycleFocus(new AnalysisContext(graph), cycle)),
    focus: { scope: focus(new AnalysisContext(graph), 'hub', { depth: 1 }), impact: impact(new AnalysisContext(graph).org, 'hub') },
  };
}

describe('[U] review reports', () => {
  it('Markdown: escapes names, draws the cycle, and puts a note where Mermaid would not render', () => {
    const md = reportMarkdown(input());
    expect(md).toContain('| A \\*bold\\* \\| pipe |');
    expect(md).toContain('B \\<script\\>');
    expect(md).not.toContain('<script>');
    expect(md.match(/```mermaid/g)).toHaveLength(1);
    expect(md).toMatch(/> Mermaid renderers stop drawing at about 500 edges or 50,000 characters; this diagram has 601 edges/);
    expect(md).toContain(`… ${600 - REPORT_ROW_LIMIT} more rows`);
    expect(reportMarkdown(input())).toBe(md);
  });

  it('builds impact paths only for the rows it shows', () => {
    const base = input();
    let built = 0;
    const entries = Array.from({ length: 5000 }, (_, i) =>
      Object.defineProperty({ id: `da${i % 600}`, depth: 2 }, 'path', {
        enumerable: true,
        get: () => {
          built++;
          return ['hub', `da${i % 600}`];
        },
      }),
    ) as ImpactEntry[];
    const focus = base.focus!;
    reportMarkdown({ ...base, focus: { ...focus, impact: { ...focus.impact, downstream: entries } } });
    expect(built).toBe(REPORT_ROW_LIMIT);
  });

  it('HTML: one document, every name escaped, diagrams inline, nothing fetched', () => {
    const html = reportHtml(input());
    expect(html).toContain('B &lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/href=|src=|<link|@import|url\((?!#)/);
    expect(html).toContain('class="verdict blocking"');
    expect(reportHtml(input())).toBe(html);
  });
});
