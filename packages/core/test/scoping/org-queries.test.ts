import { describe, expect, it } from 'vitest';
import { UnknownNodeError } from '../../src/analysis/errors/unknown-node.js';
import { flowStepGraph } from '../../src/analysis/org-projection.js';
import { analysisKey, OrgQueries, stepLoopFocus, stepsResponse } from '../../src/scoping/org-queries.js';
import { contains, flow, graphOf, resource, step, transition, uses } from '../analysis/builders.js';

describe('[U] org queries (the API answers shared by the server and the page)', () => {
  const graph = graphOf(
    [
      flow('ivr', { name: 'Main IVR', type: 'INBOUNDCALL' }),
      flow('a', { name: 'Module A' }),
      flow('b', { name: 'Module B' }),
      resource('queue'),
      step('ivr', 'menu', { name: 'Menu' }),
      step('ivr', 'again', { name: 'Again' }),
    ],
    [
      uses('ivr', 'a', 'callCommonModule'),
      uses('a', 'b', 'callCommonModule'),
      uses('b', 'a', 'callCommonModule'),
      uses('b', 'queue'),
      contains('ivr', 'ivr:menu'),
      contains('ivr', 'ivr:again'),
      transition('ivr:menu', 'ivr:again'),
      transition('ivr:again', 'ivr:menu'),
    ],
  );

  it('answers impact, focus, paths and cycles on the org projection, and exports either scope', () => {
    const queries = new OrgQueries(graph, []);
    expect(queries.org.nodes.has('ivr:menu')).toBe(false);
    expect(queries.impact('ivr', 'down').downstream.map((entry) => entry.id)).toEqual(expect.arrayContaining(['a', 'b', 'queue']));
    expect(queries.focus('a', { direction: 'both' }).nodes.map((node) => node.id)).toContain('ivr');
    expect(queries.paths('ivr', 'queue', {}).paths).toHaveLength(1);
    expect(
      queries
        .cycleFocus('b', { group: false })
        ?.nodes.filter((node) => node.side === 'self')
        .map((node) => node.id),
    ).toEqual(['a', 'b']);
    expect(queries.cycleFocus('queue', { group: false })).toBeUndefined();
    const nodeIds = (scope: 'org' | 'full') =>
      (JSON.parse(queries.export('json', scope)) as { nodes: { id: string }[] }).nodes.map((node) => node.id);
    expect(nodeIds('full')).toContain('ivr:menu');
    expect(nodeIds('org')).not.toContain('ivr:menu');
  });

  it('throws UnknownNodeError (the 404) for a node the graph lacks', () => {
    const queries = new OrgQueries(graph, []);
    expect(() => queries.impact('ivr:menu', 'both')).toThrow(UnknownNodeError);
    expect(() => queries.focus('nowhere', {})).toThrow(UnknownNodeError);
    expect(() => queries.paths('ivr', 'nowhere', {})).toThrow(UnknownNodeError);
  });

  it('analyses once per policy, whatever the order of allowed statuses', () => {
    const queries = new OrgQueries(graph, []);
    expect(queries.analysis({ allowedStatus: ['a', 'b'] })).toBe(queries.analysis({ allowedStatus: ['b', 'a'] }));
    expect(queries.analysis({ strict: true })).not.toBe(queries.analysis({}));
    expect(analysisKey({})).toBe(analysisKey({ strict: false, allowedStatus: [] }));
    const response = queries.graphResponse({ kind: 'files', fetchedAt: '2026-01-01T00:00:00.000Z' }, {});
    expect(response.graph).toBe(queries.orgExport);
    expect(response.layout).toBe(queries.layout);
    expect(response.analysis.cycles.map((cycle) => cycle.members)).toContainEqual(['a', 'b']);
  });

  it('reads the flow off a step id, and answers a flow’s steps and loops from its step graph', () => {
    const queries = new OrgQueries(graph, []);
    expect(queries.flowOfStepId('ivr:menu')).toBe('ivr');
    expect(queries.flowOfStepId('nowhere:menu')).toBeUndefined();
    const steps = flowStepGraph(graph, 'ivr');
    const answer = stepsResponse(steps, 'ivr', []);
    expect(answer?.flow.id).toBe('ivr');
    expect(answer?.graph.nodes.map((node) => node.id)).toEqual(expect.arrayContaining(['ivr:menu', 'ivr:again']));
    expect(answer?.cycles.some((cycle) => cycle.members.includes('ivr:menu'))).toBe(true);
    expect(stepsResponse(steps, 'nowhere', [])).toBeUndefined();
    expect(stepLoopFocus(steps, 'ivr:menu', { group: false })?.nodes.map((node) => node.id)).toEqual(
      expect.arrayContaining(['ivr:menu', 'ivr:again']),
    );
    expect(stepLoopFocus(steps, 'ivr', { group: false })).toBeDefined();
    expect(stepLoopFocus(steps, 'nowhere', { group: false })).toBeUndefined();
  });
});
