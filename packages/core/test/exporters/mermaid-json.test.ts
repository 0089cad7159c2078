import { describe, expect, it } from 'vitest';
import { toExportGraph } from '../../src/exporters/json.js';
import { quoteMermaid } from '../../src/exporters/mermaid.js';
import { EXPORT_FILE_TYPES, EXPORT_FORMATS } from '../../src/exporters/formats.js';
import { exporters } from '../../src/exporters/registry.js';
import { renderDot } from './graphviz.js';
import { sampleGraph, sampleResult } from './sample-graph.js';

describe('[U] Mermaid exporter', () => {
  // The whole file as a golden, like the DOT exporter's (update with `pnpm vitest run -u` when meant).
  it('matches the golden file for the sample graph', async () => {
    await expect(exporters.mermaid(sampleGraph(), sampleResult())).toMatchFileSnapshot('./golden/sample.mmd');
  });

  it('escapes quotes, entity starts, HTML and pipes in labels', () => {
    expect(quoteMermaid('a "b" #1 <i>&`|')).toBe('"a #quot;b#quot; #35;1 #lt;i#gt;#amp;#96;#124;"');
    expect(quoteMermaid('two\nlines')).toBe('"two<br/>lines"');
  });

  it('draws flowchart LR with index ids, flow subgraphs, dashed ambiguous and thick cycle links', () => {
    const text = exporters.mermaid(sampleGraph(), sampleResult());
    const lines = text.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain('  n2["Main #quot;IVR#quot;<br/>INBOUNDCALL"]');
    expect(lines).toContain('  n0(["Get #35;1 #amp; more<br/>DATAACTION"])');
    expect(lines).toContain('  subgraph c0["Main #quot;IVR#quot;"]');
    expect(lines).toContain('    n4["Menu #lt;1#gt;<br/>menu"]');
    // module (n6) -> da-1 (n0) is ambiguous; module -> main closes the org cycle.
    expect(lines).toContain('  n6 -.->|"callData"| n0');
    expect(lines).toContain('  n6 ==>|"transferToFlow"| n2');
    expect(lines.some((line) => line.startsWith('  linkStyle '))).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    // No real id leaks into the syntax.
    expect(text).not.toContain('missing:flow:gone');
  });
});

describe('[U] JSON exporter', () => {
  it('serialises nodes and edges in a stable order with only the fields that are set', () => {
    const exported = toExportGraph(sampleGraph());
    expect(exported.nodes.map((node) => node.id)).toEqual([
      'da-1',
      'dynamic:QUEUE:Task.Queue',
      'main',
      'main:billing',
      'main:menu',
      'missing:flow:gone',
      'module',
    ]);
    expect(exported.nodes[3]).toEqual({
      id: 'main:billing',
      kind: 'step',
      type: 'task',
      name: 'Billing {x};',
      state: 'published',
      flowId: 'main',
      file: 'org.json',
    });
    expect(exported.nodes[5]).toEqual({ id: 'missing:flow:gone', kind: 'flow', type: 'UNKNOWN', name: 'Gone', state: 'missing' });
    expect(exported.edges[0]).toEqual({ source: 'main', target: 'dynamic:QUEUE:Task.Queue', kind: 'uses', via: 'transferToAcd' });
    expect(exported.edges).toContainEqual({ source: 'module', target: 'da-1', kind: 'uses', via: 'callData', ambiguous: true });
    const text = exporters.json(sampleGraph());
    expect(JSON.parse(text)).toEqual(exported);
    expect(JSON.parse(exporters.json(sampleGraph(), sampleResult())).analysis.cycles).toHaveLength(2);
  });
});

describe('[U] exporter registry', () => {
  it('lists dot, mermaid and json, each with an exporter, a label, an extension and a content type', () => {
    expect(EXPORT_FORMATS).toEqual(['dot', 'mermaid', 'json']);
    for (const format of EXPORT_FORMATS) {
      expect(exporters[format]).toBeTypeOf('function');
      expect(EXPORT_FILE_TYPES[format]).toEqual({
        label: expect.any(String),
        extension: expect.any(String),
        contentType: expect.any(String),
      });
    }
    expect(EXPORT_FILE_TYPES.mermaid.extension).toBe('mmd');
    expect(renderDot(exporters.dot(sampleGraph())).status).toBe(0);
  });
});
