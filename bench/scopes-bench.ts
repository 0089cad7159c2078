/**
 * Scoped diagrams (core scoping, scope exporters, review report) on the 2,000 × 250-step tutorial
 * org of the analyze bench: each query as the server answers it (the org projection built once),
 * median of 3 runs after a warm-up, so the JIT is not measured.
 */
import {
  AnalysisContext,
  analyze,
  cycleFocus,
  exportScopeSvg,
  findPaths,
  focus,
  impact,
  loadGraph,
  reportHtml,
  scopeExporters,
} from '@flowgraph/core';
import { generateTutorialOrg } from './generate-tutorial-org.js';
import { median } from './stats.js';

export interface ScopeRun {
  what: string;
  ms: number;
  /** What it gave: node and edge counts, path lengths, bytes. */
  size: string;
}

export function runScopesBench(): { nodes: number; edges: number; runs: ScopeRun[] } {
  const { json } = generateTutorialOrg({ flows: 2000, stepsPerFlow: 250, seed: 20261126, orgCycles: 3 });
  const { graph } = loadGraph([{ path: 'org.json', text: json }]);
  // One context, as the server keeps one per crawl: the index and org projection are built once.
  const context = new AnalysisContext(graph);
  const result = analyze(context);
  const orgCycle = result.cycles.find((cycle) => cycle.scope === 'org');
  const loop = result.cycles.find((cycle) => cycle.scope === 'flow');
  if (orgCycle === undefined || loop === undefined) throw new Error('scopes bench: the generated org has no org cycle or flow loop');
  const flow = orgCycle.members[0] as string;
  const step = [...graph.nodes.values()].find((node) => node.kind === 'step' && node.flowId === flow)?.id as string;
  const everything = focus(context, flow);
  const far = everything.nodes.filter((node) => node.side === 'down').sort((a, b) => b.depth - a.depth)[0]?.id as string;
  const names = (id: string) => graph.nodes.get(id)?.name ?? id;

  const runs: ScopeRun[] = [];
  const measure = (what: string, work: () => string): void => {
    work();
    const times: number[] = [];
    let size = '';
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      size = work();
      times.push(performance.now() - start);
    }
    runs.push({ what, ms: median(times), size });
  };
  const counts = (scope: { nodes: unknown[]; edges: unknown[] }) => `${scope.nodes.length} nodes, ${scope.edges.length} edges`;
  measure('focus, flow, both, depth 2', () => counts(focus(context, flow, { depth: 2 })));
  measure('focus, flow, both, all', () => counts(focus(context, flow)));
  measure('focus, step, depth 3 (its flow step graph)', () => counts(focus(context, step, { depth: 3 })));
  measure('cycle focus, org cycle', () => counts(cycleFocus(context, orgCycle)));
  measure('cycle focus, loop inside a flow', () => counts(cycleFocus(context, loop)));
  measure('shortest paths, flow to its farthest callee', () => {
    const paths = findPaths(context, flow, far);
    return `${paths.shortestCount} of ${paths.shortest} hops`;
  });
  measure('10 simple paths (Yen), the same ends', () => {
    const paths = findPaths(context, flow, far, { all: true, limit: 10 });
    return `${paths.paths.length} paths, ${paths.paths.map((path) => path.hops.length).join('/')} hops`;
  });
  measure('exportScopeDot, focus all', () => `${scopeExporters.dot(everything).length.toLocaleString('en-US')} chars`);
  measure('exportScopeSvg, focus all', () => `${exportScopeSvg(everything).length.toLocaleString('en-US')} chars`);
  const cycles = result.cycles.slice(0, 25).map((cycle) => cycleFocus(context, cycle, { group: true }));
  const traced = impact(context.org, flow);
  measure('reportHtml, 25 cycles drawn + a focus', () => {
    const html = reportHtml({
      title: 'bench',
      source: 'bench',
      result,
      nameOf: names,
      cycleFocuses: cycles,
      focus: { scope: everything, impact: traced },
    });
    return `${html.length.toLocaleString('en-US')} chars`;
  });
  return { nodes: graph.nodes.size, edges: graph.edges.length, runs };
}
