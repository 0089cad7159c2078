import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { MERMAID_LIMITS, mermaidSize } from '../../src/exporters/mermaid-size.js';
import { EXPORT_FILE_TYPES } from '../../src/exporters/formats.js';
import { scopeExporters } from '../../src/exporters/registry.js';
import { exportScopeDot } from '../../src/exporters/scope-dot.js';
import { exportScopeMermaid } from '../../src/exporters/scope-mermaid.js';
import { exportScopeSvg } from '../../src/exporters/scope-svg.js';
import { wrapLabel } from '../../src/exporters/wrap.js';
import { cycleFocus } from '../../src/scoping/cycle-focus.js';
import { scopeFileName, slugOf } from '../../src/scoping/file-name.js';
import { focus } from '../../src/scoping/focus.js';
import { findPaths } from '../../src/scoping/paths.js';
import { contains, flow, graphOf, resource, step, transition, uses } from '../analysis/builders.js';
import { renderDot } from './graphviz.js';

const graph = graphOf(
  [
    flow('ivr', { name: 'Main IVR', type: 'INBOUNDCALL' }),
    flow('chat', { name: 'Web Chat', type: 'INBOUNDCHAT' }),
    flow('a', { name: 'Module A' }),
    flow('b', { name: 'Module B' }),
    resource('q1', { name: 'Support', type: 'QUEUE' }),
    resource('q2', { name: 'Sales', type: 'QUEUE' }),
    resource('da', { name: 'Get <Account> & "Balance"', type: 'DATAACTION' }),
    step('ivr', 'menu', { name: 'Main Menu', type: 'menu' }),
    step('ivr', 'call', { name: 'Call A' }),
  ],
  [
    contains('ivr', 'ivr:menu'),
    transition('ivr:menu', 'ivr:call'),
    transition('ivr:call', 'ivr:menu'),
    uses('ivr:call', 'a', 'callCommonModule'),
    uses('chat', 'a', 'callCommonModule'),
    uses('a', 'b', 'callCommonModule'),
    uses('b', 'a', 'callCommonModule'),
    uses('a', 'q1', 'transferToAcd'),
    uses('b', 'q2', 'transferToAcd'),
    uses('b', 'da', 'callData'),
  ],
);
const [orgCycle, menuLoop] = new AnalysisContext(graph).cycles;

/** Node boxes in a Graphviz SVG. */
function drawnNodes(svg: string): number {
  return svg.match(/class="node"/g)?.length ?? 0;
}

describe('[I] scope DOT through Graphviz', () => {
  it('draws a focus left to right, clustered by type, the focus heavier, cycle edges red and bold', () => {
    const scope = focus(new AnalysisContext(graph), 'a', { depth: 1 });
    const dot = exportScopeDot(scope);
    expect(dot).toContain('rankdir=LR');
    expect(dot).toContain('label="Module A: upstream and downstream, 1 hop"');
    expect(dot).toContain('subgraph "cluster_0" {\n    label="Common modules";');
    expect(dot).toMatch(/"a" \[label="Module A\\nCOMMONMODULE", .*penwidth=3\];/);
    expect(dot).toContain('"a" -> "b" [label="callCommonModule", color="#cc0000", penwidth=2, style="bold"];');
    expect(dot).toContain('"ivr" -> "a" [label="callCommonModule", color="#1f4e79"];');
    const rendered = renderDot(dot);
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(drawnNodes(rendered.svg)).toBe(scope.nodes.length);
  });

  it('draws a cycle with its path numbered and bold and the cut dashed and labelled', () => {
    const scope = cycleFocus(new AnalysisContext(graph), orgCycle!);
    const dot = exportScopeDot(scope);
    expect(dot).toContain(`"${scope.cut.source}" -> "${scope.cut.target}" [label="cut: `);
    expect(dot).toMatch(/\[label="cut: \d\. callCommonModule", color="#cc0000", penwidth=2, fontcolor="#cc0000", style="dashed,bold"\]/);
    expect(dot).toMatch(/\[label="\d\. callCommonModule", color="#cc0000", penwidth=2, style="bold"\]/);
    const rendered = renderDot(dot);
    expect(rendered.status).toBe(0);
    expect(drawnNodes(rendered.svg)).toBe(scope.nodes.length);
  });

  it('clusters a step scope by flow and renders a path scope', () => {
    const loop = exportScopeDot(cycleFocus(new AnalysisContext(graph), menuLoop!));
    expect(loop).toContain('label="Main IVR"; fontsize=10;');
    expect(renderDot(loop).status).toBe(0);
    const path = findPaths(new AnalysisContext(graph), 'chat', 'da');
    const dot = exportScopeDot(path);
    expect(dot).toContain('"b" -> "da" [label="callData"');
    expect(drawnNodes(renderDot(dot).svg)).toBe(4);
  });

  it('draws groups as one counted node with counted edges', () => {
    const scope = focus(new AnalysisContext(graph), 'a', { collapse: ['QUEUE'] });
    const dot = exportScopeDot(scope);
    expect(dot).toContain('"collapsed:QUEUE" [label="2 × QUEUE\\ngroup"');
    expect(dot).toContain('peripheries=2');
    expect(renderDot(dot).status).toBe(0);
  });

  it('renders any hostile name with Graphviz (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 16 }),
      fc.constantFrom('\\N', '"', '}', 'cluster_x', '<b>', '\u0000', '->'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(text, text), { minLength: 1, maxLength: 5, selector: ([id]) => id }), (pairs) => {
        const nodes = pairs.map(([id, name]) => flow(id, { name }));
        const hostile = graphOf(
          nodes,
          nodes.slice(1).map((node) => uses(nodes[0]!.id, node.id, node.name)),
        );
        const rendered = renderDot(exportScopeDot(focus(new AnalysisContext(hostile), nodes[0]!.id)));
        expect(rendered.stderr).toBe('');
        expect(rendered.status).toBe(0);
      }),
      { numRuns: 20 },
    );
  });
});

describe('[U] scope Mermaid and its size guard', () => {
  it('marks the cycle red, the path thick and the cut dotted', () => {
    const text = exportScopeMermaid(cycleFocus(new AnalysisContext(graph), orgCycle!));
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text).toMatch(/ -\.->\|"cut: \d\. callCommonModule"\| /);
    expect(text).toMatch(/ ==>\|"\d\. callCommonModule"\| /);
    expect(text).toMatch(/linkStyle [\d,]+ stroke:#cc0000/);
    expect(text).toContain('#lt;Account#gt; #amp; #quot;Balance#quot;');
    expect(mermaidSize(text)).toMatchObject({ fits: true });
  });

  it('counts edges and characters and advises when over 500 edges or 50,000 characters', () => {
    const small = exportScopeMermaid(focus(new AnalysisContext(graph), 'a'));
    expect(mermaidSize(small)).toEqual({
      edges: focus(new AnalysisContext(graph), 'a').edges.length,
      characters: small.length,
      fits: true,
    });
    const hub = graphOf(
      [flow('hub'), ...Array.from({ length: 520 }, (_, i) => resource(`r${i}`, { name: `Resource number ${i}` }))],
      Array.from({ length: 520 }, (_, i) => uses('hub', `r${i}`, 'callData')),
    );
    const big = mermaidSize(exportScopeMermaid(focus(new AnalysisContext(hub), 'hub')));
    expect(big.fits).toBe(false);
    expect(big.edges).toBe(520);
    expect(big.advice).toContain(`520 edges (limit ${MERMAID_LIMITS.edges})`);
    expect(big.advice).toMatch(/group it/);
    const grouped = mermaidSize(exportScopeMermaid(focus(new AnalysisContext(hub), 'hub', { group: true })));
    expect(grouped).toMatchObject({ fits: true, edges: 1 });
    const long = mermaidSize(`flowchart LR\n${'x'.repeat(MERMAID_LIMITS.characters)}`);
    expect(long.fits).toBe(false);
    expect(long.advice).toContain('characters (limit 50,000)');
  });
});

describe('[U] scope JSON, SVG, file names', () => {
  it('writes the scope object as JSON', () => {
    const scope = focus(new AnalysisContext(graph), 'ivr', { direction: 'down', depth: 2 });
    expect(JSON.parse(scopeExporters.json(scope))).toEqual(JSON.parse(JSON.stringify(scope)));
  });

  it('draws a self-contained SVG with every node, names escaped, nothing to fetch', () => {
    const scope = focus(new AnalysisContext(graph), 'a');
    const svg = exportScopeSvg(scope);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const node of scope.nodes) expect(svg).toContain(`<title>${node.id}</title>`);
    expect(svg).toContain('Get &lt;Account&gt; &amp;');
    expect(svg).not.toMatch(/href=|<script|<image|@import|url\((?!#)/);
    expect(svg).toMatch(/stroke="#cc0000"[^>]*marker-end="url\(#arrow-cycle\)"/);
  });

  it('carries a title and a text description of every node and edge, named by role="img"', () => {
    const scope = focus(new AnalysisContext(graph), 'ivr', { direction: 'down', depth: 2 });
    const svg = exportScopeSvg(scope);
    expect(svg).toMatch(
      /^<svg [^>]*role="img" aria-labelledby="scope-title scope-desc">\n<title id="scope-title">Main IVR: downstream, 2 hops<\/title>\n<desc id="scope-desc">/,
    );
    const desc = /<desc id="scope-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    expect(desc).toContain(`${scope.nodes.length} nodes and ${scope.edges.length} edges.`);
    expect(desc).toContain('Shown for: Main IVR (inboundcall).');
    for (const edge of scope.edges) {
      const name = (id: string) => scope.nodes.find((node) => node.id === id)?.name ?? id;
      expect(desc).toContain(
        `${name(edge.source)} → ${name(edge.target)}`
          .replace('&', '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;'),
      );
    }
  });

  it('names files after what they show, with the format registry extension', () => {
    expect(
      scopeFileName(focus(new AnalysisContext(graph), 'ivr', { direction: 'down', depth: 2 }).fileStem, EXPORT_FILE_TYPES.dot.extension),
    ).toBe('main-ivr.down-2.dot');
    expect(scopeFileName(cycleFocus(new AnalysisContext(graph), orgCycle!).fileStem, EXPORT_FILE_TYPES.mermaid.extension)).toBe(
      'cycle.module-a.mmd',
    );
    expect(scopeFileName(findPaths(new AnalysisContext(graph), 'chat', 'da').fileStem, 'json')).toBe(
      'path.web-chat.to.get-account-balance.json',
    );
    expect(slugOf('  Ünïcode — Flow / v2 ')).toBe('unicode-flow-v2');
    expect(slugOf('日本語 フロー')).toBe('日本語-フロー');
    expect(slugOf('***')).toBe('node');
    expect(slugOf('x'.repeat(80))).toHaveLength(48);
  });

  it('wraps long names at word boundaries', () => {
    expect(wrapLabel('Microsoft Teams Integration Presence Trigger - EMEA')).toEqual([
      'Microsoft Teams',
      'Integration Presence',
      'Trigger - EMEA',
    ]);
    expect(wrapLabel('GetOutboundConversationDetailsForPickUp')).toEqual(['GetOutboundConversationD', 'etailsForPickUp']);
    expect(wrapLabel('short')).toEqual(['short']);
  });
});
