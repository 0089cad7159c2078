import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { UnknownNodeError } from '../../src/analysis/errors/unknown-node.js';
import { focus } from '../../src/scoping/focus.js';
import { READABLE_NODE_LIMIT } from '../../src/scoping/scope.js';
import { smallGraph } from '../analysis/arbitraries.js';
import { contains, flow, flowGraph, flowName, graphOf, resource, step, transition, uses } from '../analysis/builders.js';
import { at, distances, mutuallyReachable, UNREACHABLE } from '../analysis/oracles.js';

describe('[U] focus', () => {
  const graph = graphOf(
    [
      flow('ivr', { name: 'Main IVR', type: 'INBOUNDCALL' }),
      flow('chat', { type: 'INBOUNDCHAT' }),
      flow('module', { name: 'Billing Module' }),
      flow('deep'),
      resource('table', { type: 'DATATABLE' }),
      resource('q1', { type: 'QUEUE' }),
      resource('q2', { type: 'QUEUE' }),
      step('ivr', 'menu'),
      step('ivr', 'call'),
    ],
    [
      contains('ivr', 'ivr:menu'),
      transition('ivr:menu', 'ivr:call'),
      uses('ivr:call', 'module', 'callCommonModule'),
      uses('ivr:menu', 'q1', 'transferToAcd'),
      uses('chat', 'module', 'callCommonModule'),
      uses('module', 'deep', 'callCommonModule'),
      uses('module', 'table', 'dataTableLookup'),
      uses('module', 'q2', 'transferToAcd'),
    ],
  );

  it('lifts step references to their flow and counts hops in the org projection', () => {
    const result = focus(new AnalysisContext(graph), 'ivr', { direction: 'down', depth: 1 });
    expect(result.nodes.map((node) => [node.id, node.side, node.depth])).toEqual([
      ['ivr', 'self', 0],
      ['module', 'down', 1],
      ['q1', 'down', 1],
    ]);
    expect(result.edges).toEqual([
      { source: 'ivr', target: 'module', kind: 'uses', via: 'callCommonModule' },
      { source: 'ivr', target: 'q1', kind: 'uses', via: 'transferToAcd' },
    ]);
    expect(result.level).toBe('org');
    expect(result.fileStem).toBe('main-ivr.down-1');
    expect(result.title).toBe('Main IVR: downstream, 1 hop');
    expect(result.reached).toEqual({ up: 0, down: 2 });
  });

  it('puts callers on the up side and callees on the down side', () => {
    const result = focus(new AnalysisContext(graph), 'module');
    const placed = Object.fromEntries(result.nodes.map((node) => [node.id, `${node.side} ${node.depth}`]));
    expect(placed).toEqual({ module: 'self 0', ivr: 'up 1', chat: 'up 1', deep: 'down 1', table: 'down 1', q2: 'down 1' });
    expect(result.depth).toBe('all');
    expect(result.fileStem).toBe('billing-module.both-all');
  });

  it('hides by kind, resource type and flows-only, counting what it hid, without changing depth', () => {
    const flowsOnly = focus(new AnalysisContext(graph), 'module', { flowsOnly: true });
    expect(flowsOnly.nodes.map((node) => node.id)).toEqual(['chat', 'deep', 'ivr', 'module']);
    expect(flowsOnly.hidden).toEqual([
      { kind: 'resource', type: 'DATATABLE', count: 1 },
      { kind: 'resource', type: 'QUEUE', count: 1 },
    ]);
    const queuesOnly = focus(new AnalysisContext(graph), 'module', { resourceTypes: ['QUEUE'], direction: 'down' });
    expect(queuesOnly.nodes.map((node) => node.id)).toEqual(['deep', 'module', 'q2']);
    const resourcesOnly = focus(new AnalysisContext(graph), 'module', { kinds: ['resource'] });
    expect(resourcesOnly.nodes.map((node) => node.id)).toEqual(['module', 'q2', 'table']);
  });

  it('collapses a resource type into one counted node with merged edges', () => {
    const result = focus(new AnalysisContext(graph), 'chat', { direction: 'down', collapse: ['QUEUE'] });
    const group = result.nodes.find((node) => node.id === 'collapsed:QUEUE');
    expect(group).toMatchObject({ kind: 'resource', type: 'QUEUE', name: '1 × QUEUE', group: { count: 1, members: ['q2'] } });
    expect(result.collapsed).toEqual([{ kind: 'resource', type: 'QUEUE', count: 1 }]);
    const both = focus(new AnalysisContext(graph), 'q1', { direction: 'up' });
    expect(both.nodes.map((node) => node.id)).toEqual(['ivr', 'q1']);
    const everything = focus(new AnalysisContext(graph), 'module', { collapse: ['QUEUE', 'DATATABLE'] });
    expect(everything.nodes.map((node) => node.id)).toEqual(['chat', 'collapsed:DATATABLE', 'collapsed:QUEUE', 'deep', 'ivr', 'module']);
    expect(everything.edges.filter((edge) => edge.target.startsWith('collapsed:')).map((edge) => edge.via)).toEqual([
      'dataTableLookup',
      'transferToAcd',
    ]);
  });

  it('never collapses or hides the focused node itself', () => {
    const result = focus(new AnalysisContext(graph), 'q2', { collapse: ['QUEUE'], kinds: ['flow'] });
    expect(result.nodes.map((node) => node.id)).toEqual(['chat', 'ivr', 'module', 'q2']);
  });

  it('focuses a step inside its flow step graph', () => {
    const result = focus(new AnalysisContext(graph), 'ivr:call', { depth: 1 });
    expect(result.level).toBe('steps');
    expect(result.flowId).toBe('ivr');
    expect(result.nodes.map((node) => [node.id, node.side])).toEqual([
      ['ivr:call', 'self'],
      ['ivr:menu', 'up'],
      ['module', 'down'],
    ]);
    expect(result.fileStem).toBe('main-ivr.step-call.both-1');
  });

  it('offers grouping above the readable limit and groups the largest crowds when asked', () => {
    const modules = Array.from({ length: 200 }, (_, i) => flow(`m${String(i).padStart(3, '0')}`));
    const tables = Array.from({ length: 20 }, (_, i) => resource(`t${i}`));
    const hub = graphOf(
      [flow('hub', { type: 'INBOUNDCALL' }), ...modules, ...tables],
      [...modules.map((module) => uses('hub', module.id)), ...tables.map((table) => uses('hub', table.id))],
    );
    const plain = focus(new AnalysisContext(hub), 'hub');
    expect(plain.nodes).toHaveLength(221);
    expect(plain.grouping).toEqual({ offered: true, applied: false, nodeLimit: READABLE_NODE_LIMIT, groupedNodeCount: 22 });
    const grouped = focus(new AnalysisContext(hub), 'hub', { group: true });
    expect(grouped.nodes.map((node) => node.id)).toEqual(['group:down:1:flow:COMMONMODULE', 'hub', ...tables.map((t) => t.id).sort()]);
    expect(grouped.nodes[0]?.group?.count).toBe(200);
    expect(grouped.edges).toHaveLength(21);
    expect(grouped.edges.find((edge) => edge.target.startsWith('group:'))?.count).toBe(200);
    expect(focus(new AnalysisContext(graph), 'module').grouping.offered).toBe(false);
  });

  it('marks edges that lie on a cycle', () => {
    const cyclic = graphOf([flow('a'), flow('b'), flow('c')], [uses('a', 'b'), uses('b', 'a'), uses('b', 'c')]);
    const result = focus(new AnalysisContext(cyclic), 'a');
    expect(result.edges.map((edge) => [edge.source, edge.target, edge.inCycle === true])).toEqual([
      ['a', 'b', true],
      ['b', 'a', true],
      ['b', 'c', false],
    ]);
    expect(result.nodes.find((node) => node.id === 'b')?.side).toBe('both');
  });

  it('rejects an unknown node and a depth under 1', () => {
    expect(() => focus(new AnalysisContext(graph), 'nope')).toThrow(UnknownNodeError);
    expect(() => focus(new AnalysisContext(graph), 'ivr', { depth: 0 })).toThrow(/depth must be 1 or more/);
  });
});

describe('[U] focus properties', () => {
  const query = smallGraph.chain(([n, pairs]) =>
    fc.tuple(
      fc.constant(n),
      fc.constant(pairs),
      fc.integer({ min: 0, max: n - 1 }),
      fc.option(fc.integer({ min: 1, max: 4 })),
      fc.constantFrom('up' as const, 'down' as const, 'both' as const),
    ),
  );

  it('shows exactly the nodes within depth (BFS oracle), each side and depth right, and every edge among them', () => {
    fc.assert(
      fc.property(query, ([n, pairs, node, depth, direction]) => {
        const graph = flowGraph(n, pairs);
        const dist = distances(n, pairs);
        const limit = depth ?? UNREACHABLE;
        const result = focus(new AnalysisContext(graph), flowName(node), { direction, ...(depth === null ? {} : { depth }) });

        const expected = new Map<string, string>();
        for (let i = 0; i < n; i++) {
          const down = direction !== 'up' && at(dist, node, i) < UNREACHABLE && at(dist, node, i) <= limit ? at(dist, node, i) : undefined;
          const up = direction !== 'down' && at(dist, i, node) < UNREACHABLE && at(dist, i, node) <= limit ? at(dist, i, node) : undefined;
          if (i === node) expected.set(flowName(i), 'self 0');
          else if (down !== undefined && up !== undefined) expected.set(flowName(i), `both ${Math.min(down, up)}`);
          else if (down !== undefined) expected.set(flowName(i), `down ${down}`);
          else if (up !== undefined) expected.set(flowName(i), `up ${up}`);
        }
        expect(new Map(result.nodes.map((found) => [found.id, `${found.side} ${found.depth}`]))).toEqual(expected);

        const inside = new Set(
          pairs.filter(([a, b]) => expected.has(flowName(a)) && expected.has(flowName(b))).map(([a, b]) => `${a}>${b}`),
        );
        expect(new Set(result.edges.map((edge) => `${Number(edge.source.slice(1))}>${Number(edge.target.slice(1))}`))).toEqual(inside);
        for (const edge of result.edges) {
          const a = Number(edge.source.slice(1));
          const b = Number(edge.target.slice(1));
          expect(edge.inCycle === true).toBe(a === b || mutuallyReachable(dist, a, b));
        }
      }),
    );
  });
});
