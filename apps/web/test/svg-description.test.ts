import type { GraphResponse } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { describeOrgImage, withTextAlternative } from '../src/graph/svg-description.js';

const data: GraphResponse = {
  source: { kind: 'live', region: 'mypurecloud.de', fetchedAt: '2026-12-01T00:00:00.000Z' },
  graph: {
    nodes: [
      { id: 'a', kind: 'flow', type: 'INBOUNDCALL', name: 'Main <IVR>', state: 'published' },
      { id: 'b', kind: 'flow', type: 'COMMONMODULE', name: 'Lookup', state: 'published' },
    ],
    edges: [
      { source: 'a', target: 'b', kind: 'uses', via: 'callCommonModule' },
      { source: 'b', target: 'a', kind: 'uses', via: 'transferToFlow' },
    ],
  },
  analysis: {
    summary: { flows: 2, steps: 0, resources: 0, nodes: 2, edges: 2 },
    cycles: [{ scope: 'org', members: ['a', 'b'], path: ['a', 'b', 'a'], cut: { source: 'b', target: 'a' } }],
    deployment: { waves: [], order: [], groups: [], blocked: true, dynamic: [] },
    findings: [],
    errors: [],
    warnings: [],
  },
  layout: { positions: {}, width: 0, height: 0, routes: [] },
};

describe('[U] text alternative of an exported org image', () => {
  it('names the org and its counts, and the selection', () => {
    const text = describeOrgImage(data, { kind: 'selected', nodeId: 'b' });
    expect(text.title).toBe('Flowgraph: Genesys Cloud org in mypurecloud.de');
    expect(text.desc).toContain('2 flows, 0 resources, 2 dependencies, 1 org cycles.');
    expect(text.desc).toContain('Selected: Lookup');
  });

  it('spells out a highlighted cycle by name, and says nothing of a highlight when there is none', () => {
    expect(describeOrgImage(data, { kind: 'cycle', key: 'a' }).desc).toContain('Highlighted cycle: Main <IVR> → Lookup → Main <IVR>.');
    expect(describeOrgImage(data, { kind: 'idle' }).desc).not.toMatch(/Selected|Highlighted|Search/);
  });

  it('puts an escaped title and desc first in the root, with role="img"', () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10"><rect/></svg>';
    const out = withTextAlternative(svg, { title: 'A & B', desc: 'Main <IVR> "x"' });
    expect(out).toBe(
      '<?xml version="1.0"?><svg role="img" xmlns="http://www.w3.org/2000/svg" width="10"><title>A &amp; B</title><desc>Main &lt;IVR&gt; &quot;x&quot;</desc><rect/></svg>',
    );
  });

  it('keeps an existing role and leaves text without an svg root as it is', () => {
    expect(withTextAlternative('<svg role="graphics-document"></svg>', { title: 't', desc: 'd' })).toBe(
      '<svg role="graphics-document"><title>t</title><desc>d</desc></svg>',
    );
    expect(withTextAlternative('not an image', { title: 't', desc: 'd' })).toBe('not an image');
    expect(withTextAlternative('<svg/>', { title: 't', desc: 'd' })).toBe('<svg/>');
  });
});
