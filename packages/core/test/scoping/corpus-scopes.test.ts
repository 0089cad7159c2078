import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { impact } from '../../src/analysis/impact.js';
import { exportScopeDot } from '../../src/exporters/scope-dot.js';
import { exportScopeMermaid } from '../../src/exporters/scope-mermaid.js';
import { mermaidSize } from '../../src/exporters/mermaid-size.js';
import { loadGraph } from '../../src/pipeline/load-graph.js';
import { cycleFocus } from '../../src/scoping/cycle-focus.js';
import { focus } from '../../src/scoping/focus.js';
import { findPaths } from '../../src/scoping/paths.js';
import { reportSkip } from '../../../../testing/shared-data.js';
import { renderDot } from '../exporters/graphviz.js';
import { CORPUS_DIR, corpusFiles } from '../formats/corpus.js';

if (CORPUS_DIR === undefined) reportSkip('scoped diagrams of the real flow corpus', 'FLOWGRAPH_CORPUS_DIR');

describe.skipIf(CORPUS_DIR === undefined)('[I] scopes of the real flow corpus', () => {
  const context = new AnalysisContext(loadGraph(corpusFiles()).graph);
  const org = context.org;
  const flows = [...org.graph.nodes.values()].filter((node) => node.kind === 'flow').sort((a, b) => (a.id < b.id ? -1 : 1));
  // Every 10th flow: enough shapes (IVRs, bots, workflows) without rendering 120 diagrams.
  const sample = flows.filter((_, i) => i % 10 === 0);

  it('focuses sampled flows at depth 2 exactly as impact reaches them, and Graphviz draws every node', () => {
    for (const flow of sample) {
      const scope = focus(context, flow.id, { depth: 2 });
      const traced = impact(org, flow.id, { maxDepth: 2 });
      const expected = new Set([flow.id, ...traced.downstream.map((entry) => entry.id), ...traced.upstream.map((entry) => entry.id)]);
      expect(new Set(scope.nodes.map((node) => node.id)), flow.id).toEqual(expected);
      const rendered = renderDot(exportScopeDot(scope));
      expect(rendered.status, flow.id).toBe(0);
      expect(rendered.svg.match(/class="node"/g)?.length, flow.id).toBe(scope.nodes.length);
      expect(mermaidSize(exportScopeMermaid(scope)).fits).toBe(true);
    }
  });

  it('draws every cycle with its cut, and finds a path along every hop of each cycle path', () => {
    const { cycles } = analyze(context);
    expect(cycles.length).toBeGreaterThan(0);
    for (const cycle of cycles) {
      const scope = cycleFocus(context, cycle);
      expect(scope.edges.filter((edge) => edge.cut)).toHaveLength(1);
      expect(scope.cut.reason).not.toBe('');
      expect(renderDot(exportScopeDot(scope)).status).toBe(0);
      const [first, second] = cycle.path;
      const paths = findPaths(context, first as string, second as string);
      expect(paths.shortest).toBe(1);
    }
  });
});
