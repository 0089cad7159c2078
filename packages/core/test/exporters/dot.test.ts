import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDot, quoteDot } from '../../src/exporters/dot.js';
import type { FlowGraph, GraphNode } from '../../src/model/graph.js';
import { renderDot } from './graphviz.js';
import { sampleGraph, sampleResult } from './sample-graph.js';

describe('[U] quoteDot', () => {
  it('escapes quotes and backslashes so Graphviz escapes like \\N stay literal', () => {
    expect(quoteDot('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteDot('\\N and \\G')).toBe('"\\\\N and \\\\G"');
    expect(quoteDot('two\nlines\r')).toBe('"two\\nlines"');
    expect(quoteDot('nul\u0000 bell\u0007')).toBe('"nul\ufffd bell\ufffd"');
    expect(quoteDot('<b>{x};é 日本')).toBe('"<b>{x};é 日本"');
  });
});

describe('[U] DOT exporter output', () => {
  // The whole file, so any change to the format shows in review as a diff of golden/sample.dot
  // (update it with `pnpm vitest run -u` when the change is meant).
  it('matches the golden file for the sample graph', async () => {
    await expect(exportDot(sampleGraph(), sampleResult())).toMatchFileSnapshot('./golden/sample.dot');
  });
});

describe('[I] DOT exporter through Graphviz', () => {
  it('draws flows left to right, steps clustered per flow, cycle hops red and bold, ambiguous dashed', () => {
    const dot = exportDot(sampleGraph(), sampleResult());
    expect(dot).toContain('graph [rankdir=LR');
    expect(dot).toContain('subgraph "cluster_main" {');
    expect(dot).toContain('"module" [label="Billing\\\\Module\\nCOMMONMODULE · unpublished"');
    expect(dot).toContain('"module" -> "main" [label="transferToFlow", color="#cc0000", penwidth=2, style="bold"];');
    expect(dot).toContain('"main:menu" -> "main:menu" [label="repeat", color="#cc0000", penwidth=2, style="bold"];');
    // The org cycle runs main -> module -> main; the step edge that makes the first hop is marked too.
    expect(dot).toContain('"main:billing" -> "module" [label="transition", color="#cc0000", penwidth=2, style="bold"];');
    expect(dot).toContain('"main" -> "main:menu" [color="#aaaaaa", style="dotted"];');
    expect(dot).toContain('"main:menu" -> "main:billing" [label="digit_1", color="#555555"];');
    expect(dot).toContain('"module" -> "da-1" [label="callData", color="#1f4e79", style="dashed"];');
    expect(dot).toContain('"module" -> "missing:flow:gone" [label="transferToFlow", color="#1f4e79"];');
    expect(dot.endsWith('}\n')).toBe(true);
    expect(dot).not.toContain('\r');
    const rendered = renderDot(dot);
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    // Graphviz drew the escaped names as the literal text.
    expect(rendered.svg).toContain('Billing\\Module');
    expect(rendered.svg).toContain('Main &quot;IVR&quot;');
  });

  it('is stable whatever order the graph lists its nodes and edges in', () => {
    const graph = sampleGraph();
    const shuffled: FlowGraph = { nodes: new Map([...graph.nodes].reverse()), edges: [...graph.edges].reverse() };
    expect(exportDot(shuffled, sampleResult())).toBe(exportDot(graph, sampleResult()));
  });

  it('renders any hostile unicode name and id with Graphviz (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('\\N', '\\', '"', '\\"', '\n', '}', 'subgraph', 'cluster_x', '<b>', '{', ';', '--', '->', 'node', '\\l\\r', '\u0000'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(text, text), { minLength: 1, maxLength: 6, selector: ([id]) => id }), (pairs) => {
        const nodes: GraphNode[] = pairs.map(([id, name]) => ({
          kind: 'flow',
          id,
          name,
          type: 'COMMONMODULE',
          state: 'published',
          versions: {},
        }));
        nodes.push({
          kind: 'step',
          id: `${pairs[0]![0]}:s`,
          name: pairs[0]![1],
          state: 'unknown',
          flowId: pairs[0]![0],
          stepId: 's',
          type: pairs[0]![1],
        });
        const graph: FlowGraph = {
          nodes: new Map(nodes.map((node) => [node.id, node])),
          edges: pairs.map(([id, name], index) => ({ source: id, target: pairs[(index + 1) % pairs.length]![0], kind: 'uses', via: name })),
        };
        const rendered = renderDot(exportDot(graph));
        expect(rendered.stderr).toBe('');
        expect(rendered.status).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
