import { describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline } from '../../src/baseline/baseline.js';
import { diffGraphs } from '../../src/diff/diff-graphs.js';
import { CHANGE_DIAGRAM_LIMITS, changeDiagram } from '../../src/reporters/change-diagram.js';
import { toGithubAnnotations } from '../../src/reporters/github-annotations.js';
import { toJunit } from '../../src/reporters/junit.js';
import { checkMarkdown } from '../../src/reporters/markdown-check.js';
import { diffMarkdown } from '../../src/reporters/markdown-diff.js';
import { checkProblems } from '../../src/reporters/problems.js';
import { flow, graphOf, uses } from '../analysis/builders.js';
import { after, afterResult, before, beforeResult } from './sample.js';

const withBaseline = () =>
  checkProblems({
    result: afterResult,
    graph: after,
    baseline: compareWithBaseline(afterResult.findings, createBaseline(beforeResult, before)),
    failed: true,
  });

describe('[U] JUnit reporter', () => {
  it('fails new errors, skips existing ones, and escapes names', () => {
    const xml = toJunit(withBaseline());
    expect(xml).toContain('<testsuites name="flowgraph check" tests="2" failures="1" errors="0" skipped="1">');
    expect(xml).toMatch(
      /<testcase classname="flowgraph.org-cycle" name="Billing \| Payments \(flow COMMONMODULE\)" file="flows\/billing.yaml"><failure type="org-cycle"/,
    );
    expect(xml).toContain(
      '<skipped message="existing (in the baseline): Published flow &quot;Billing | Payments&quot; uses data action &quot;Legacy &lt;CRM&gt;&quot;',
    );
    expect(xml).not.toMatch(/<CRM>/);
  });

  it('reports a clean run as one passing case', () => {
    const clean = graphOf([flow('a')]);
    const xml = toJunit(checkProblems({ result: { ...afterResult, findings: [], errors: [] }, graph: clean, failed: false }));
    expect(xml).toContain('tests="1" failures="0"');
    expect(xml).toContain('name="no problems"');
  });
});

describe('[U] GitHub annotations', () => {
  it('annotates open problems on their file and line, escaped as the runner reads them', () => {
    const report = withBaseline();
    const lines = toGithubAnnotations(report).trimEnd().split('\n');
    // The baselined problem is not annotated.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::error file=flows\/billing.yaml,title=flowgraph org-cycle%3A Billing \| Payments::Circular reference among 2 objects/,
    );
    const main = toGithubAnnotations(
      checkProblems({
        result: { ...afterResult, findings: [{ code: 'locked', severity: 'warning', subject: 'main', message: '50%\nnext' }] },
        graph: after,
        failed: false,
      }),
    );
    expect(main).toBe('::warning file=flows/main.yaml,line=3,title=flowgraph locked%3A Main IVR::50%25%0Anext\n');
  });
});

describe('[U] Markdown reporters', () => {
  it('writes a check comment: verdict, open problems, existing ones folded', () => {
    const text = checkMarkdown(withBaseline());
    expect(text).toContain('❌ **1 problem to fix** (error level).');
    expect(text).toContain('| error | `org-cycle` | Billing \\| Payments (flows/billing.yaml) |');
    expect(text).toContain('<summary>Existing problems (in the baseline): 1</summary>');
  });

  it('writes a change review with a Mermaid diagram of the neighbourhood, problems, changes, impact and publish order', () => {
    const diff = diffGraphs(before, after);
    const text = diffMarkdown(diff, { title: 'main → feature' });
    expect(text).toContain('## Flowgraph change review: main → feature');
    expect(text).toContain('❌ **This change introduces 1 error-level problem.**');
    expect(text).toContain('```mermaid\nflowchart LR');
    expect(text).toContain('- ➕ flow **Refunds "new"** added');
    expect(text).toContain('- ✏️ flow **Billing \\| Payments**: publishedVersion (none) → 2.0; now uses Refunds "new"');
    expect(text).toContain('- **Main IVR**: Main IVR → Billing \\| Payments');
    expect(text).toMatch(/### Publish order\n\n1\. Billing \\\| Payments, Refunds "new"/);
    expect(text).toContain('⚠️ Publish together');
  });

  it('keeps the diagram within the limits: context goes first, then no diagram at all', () => {
    const diff = diffGraphs(before, after);
    const full = changeDiagram(diff);
    expect(full.mermaid).toMatch(/n\d+ ==> n\d+/);
    expect(full.mermaid).toContain('classDef added fill:#d1f5d3');
    expect(full.mermaid).toContain('Main IVR');
    const withoutCallers = changeDiagram(diff, { ...CHANGE_DIAGRAM_LIMITS, nodes: 2 });
    expect(withoutCallers.note).toMatch(/Callers leading to the change left out/);
    expect(withoutCallers.mermaid).not.toContain('Main IVR');
    expect(changeDiagram(diff, { ...CHANGE_DIAGRAM_LIMITS, nodes: 1 }).mermaid).toBeUndefined();

    const many = graphOf(
      Array.from({ length: 200 }, (_, i) => flow(`f${i}`)),
      Array.from({ length: 199 }, (_, i) => uses(`f${i}`, `f${i + 1}`)),
    );
    const bigDiff = diffGraphs(graphOf([]), many);
    const big = changeDiagram(bigDiff);
    expect(big.mermaid).toBeUndefined();
    expect(big.note).toMatch(/200 objects: too many for a diagram/);
    expect(diffMarkdown(bigDiff)).toContain('… and 170 more changes');
  });
});
