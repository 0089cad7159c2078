import { describe, expect, it } from 'vitest';
import type { ImportUnit } from '../../src/importers/importer.js';
import { link } from '../../src/linking/link.js';
import type { FlowType } from '../../src/model/flow-types.js';
import type { FlowNode, GraphNode, ResourceNode } from '../../src/model/graph.js';
import type { Reference } from '../../src/model/reference.js';

function flow(id: string, name: string, type: FlowType = 'INBOUNDCALL'): FlowNode {
  return { kind: 'flow', id, name, type, state: 'published', versions: {}, file: 'flows.yaml' };
}

function unit(file: string, nodes: GraphNode[], references: Reference[] = []): ImportUnit {
  return { file, format: 'test', nodes, edges: [], references, issues: [] };
}

const uses = (from: string, via: string, target: Reference['target'], extra: Partial<Reference> = {}): Reference => ({
  from,
  via,
  target,
  ...extra,
});

function usesEdges(units: ImportUnit[]) {
  const { graph, issues } = link(units);
  return { graph, issues, edges: graph.edges.filter((edge) => edge.kind === 'uses') };
}

describe('[U] link', () => {
  it('resolves by id first, even when another flow has the referenced name', () => {
    const { edges } = usesEdges([
      unit(
        'a',
        [flow('caller', 'Caller'), flow('id-1', 'Billing', 'COMMONMODULE'), flow('id-2', 'Old Billing', 'COMMONMODULE')],
        [uses('caller', 'callCommonModule', { kind: 'flow', id: 'id-1', name: 'Old Billing', types: ['COMMONMODULE'] })],
      ),
    ]);
    expect(edges).toEqual([{ source: 'caller', target: 'id-1', kind: 'uses', via: 'callCommonModule' }]);
  });

  it('matches names trimmed and case-insensitively, across files, preferring the first compatible type', () => {
    const { edges, issues } = usesEdges([
      unit(
        'caller.yaml',
        [flow('caller', 'Caller', 'INQUEUECALL')],
        [uses('caller', 'transferToFlow', { kind: 'flow', name: '  main MENU ', types: ['INBOUNDCALL', 'INBOUNDCHAT'] })],
      ),
      unit('targets.yaml', [
        flow('chat', 'Main Menu', 'INBOUNDCHAT'),
        flow('call', 'main menu', 'INBOUNDCALL'),
        flow('bot', 'Main Menu', 'BOT'),
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(edges).toEqual([{ source: 'caller', target: 'call', kind: 'uses', via: 'transferToFlow' }]);
  });

  it('never matches an incompatible type: the reference becomes a missing external node', () => {
    const { graph, edges } = usesEdges([
      unit(
        'a',
        [flow('caller', 'Caller'), flow('bot', 'Helper', 'BOT')],
        [uses('caller', 'callCommonModule', { kind: 'flow', name: 'Helper', types: ['COMMONMODULE'] })],
      ),
    ]);
    expect(edges).toEqual([{ source: 'caller', target: 'missing:flow:helper', kind: 'uses', via: 'callCommonModule' }]);
    expect(graph.nodes.get('missing:flow:helper')).toMatchObject({ kind: 'flow', type: 'COMMONMODULE', state: 'missing', name: 'Helper' });
  });

  it('links an ambiguous name to every candidate, flagged, instead of picking one', () => {
    const { edges } = usesEdges([
      unit(
        'a',
        [flow('caller', 'Caller'), flow('m1', 'Shared', 'COMMONMODULE'), flow('m2', 'shared ', 'COMMONMODULE')],
        [uses('caller', 'callCommonModule', { kind: 'flow', name: 'Shared', types: ['COMMONMODULE'] })],
      ),
    ]);
    expect(edges).toEqual([
      { source: 'caller', target: 'm1', kind: 'uses', via: 'callCommonModule', ambiguous: true },
      { source: 'caller', target: 'm2', kind: 'uses', via: 'callCommonModule', ambiguous: true },
    ]);
  });

  it('shares one external node among references to the same missing thing and keeps deleted ids', () => {
    const { graph, edges } = usesEdges([
      unit(
        'a',
        [flow('x', 'X'), flow('y', 'Y')],
        [
          uses('x', 'transferToFlow', { kind: 'flow', name: 'Gone', types: [] }),
          uses('y', 'transferToFlow', { kind: 'flow', name: ' gone', types: [] }),
          uses('y', 'callBotFlow', { kind: 'flow', id: 'bot-7', name: 'Old Bot', types: ['BOT'], deleted: true }),
        ],
      ),
    ]);
    expect(edges.map((edge) => edge.target)).toEqual(['missing:flow:gone', 'missing:flow:gone', 'bot-7']);
    expect(graph.nodes.get('missing:flow:gone')).toMatchObject({ type: 'UNKNOWN', state: 'missing' });
    expect(graph.nodes.get('bot-7')).toMatchObject({ type: 'BOT', state: 'deleted', name: 'Old Bot', hasOrgId: true });
  });

  it('creates resources by id or by (type, category, name), unknown unless deleted, deduplicating edges', () => {
    const action = { kind: 'resource', type: 'DATAACTION', category: 'CRM', name: 'Get Customer' } as const;
    const { graph, edges } = usesEdges([
      unit(
        'a',
        [flow('x', 'X'), flow('y', 'Y')],
        [
          uses('x', 'callData', action),
          uses('x', 'callData', { ...action, name: 'get customer ' }),
          uses('y', 'callData', { ...action, category: 'Billing' }),
          uses('y', 'transferToAcd', { kind: 'resource', type: 'QUEUE', id: 'q-1', name: 'Support', deleted: true }),
        ],
      ),
    ]);
    expect(edges.map((edge) => `${edge.source}->${edge.target}`)).toEqual([
      'x->resource:DATAACTION:CRM/get customer',
      'y->resource:DATAACTION:Billing/get customer',
      'y->q-1',
    ]);
    expect(graph.nodes.get('resource:DATAACTION:CRM/get customer')).toMatchObject({
      kind: 'resource',
      state: 'unknown',
      name: 'Get Customer',
      category: 'CRM',
    });
    expect(graph.nodes.get('q-1')).toMatchObject({ type: 'QUEUE', state: 'deleted' });
  });

  it('joins a category-less sighting (dependency tracking) with the one named resource of that type', () => {
    const { edges } = usesEdges([
      unit(
        'a',
        [flow('x', 'X'), flow('y', 'Y')],
        [
          uses('x', 'callData', { kind: 'resource', type: 'DATAACTION', category: 'CRM', name: 'Lookup' }),
          uses('y', 'callData', { kind: 'resource', type: 'DATAACTION', id: 'da-1', name: 'lookup', deleted: true }),
        ],
      ),
    ]);
    // One node, and the sighting with an id names it whichever file came first.
    expect(new Set(edges.map((edge) => edge.target))).toEqual(new Set(['da-1']));
  });

  it('makes one UNKNOWN node per dynamic (type, expression) and carries template variables to targets', () => {
    const { graph, edges } = usesEdges([
      unit(
        'a',
        [flow('x', 'X'), flow('y', 'Y')],
        [
          uses('x', 'transferToAcd', { kind: 'dynamic', type: 'QUEUE', expression: 'Task.Queue' }),
          uses('y', 'transferToAcd', { kind: 'dynamic', type: 'QUEUE', expression: 'Task.Queue' }),
          uses('y', 'callBotFlow', { kind: 'flow', name: '{{bot_name}}', types: ['BOT'] }, { templateVariables: ['bot_name'] }),
        ],
      ),
    ]);
    expect(edges.map((edge) => edge.target)).toEqual(['dynamic:QUEUE:Task.Queue', 'dynamic:QUEUE:Task.Queue', 'missing:flow:{{bot_name}}']);
    const dynamic = graph.nodes.get('dynamic:QUEUE:Task.Queue') as ResourceNode;
    expect(dynamic).toMatchObject({ type: 'UNKNOWN', expression: 'Task.Queue', state: 'unknown' });
    expect(graph.nodes.get('missing:flow:{{bot_name}}')?.templateVariables).toEqual(['bot_name']);
  });

  it('reports duplicate ids across files, edges to unknown nodes and dangling must-resolve references', () => {
    const step = {
      kind: 'step',
      id: 'x:a',
      name: 'A',
      state: 'published',
      flowId: 'x',
      stepId: 'a',
      type: 'task',
      file: 'one.json',
    } as const;
    const one = unit(
      'one.json',
      [flow('x', 'X'), step],
      [
        uses('x:a', 'transition', { kind: 'flow', id: 'y:b', types: [] }, { mustResolve: true, field: '[0].definition.transitions[0].to' }),
        uses(
          'x:a',
          'transition',
          { kind: 'flow', id: 'nowhere', types: [] },
          { mustResolve: true, field: '[0].definition.transitions[1].to', file: 'one.json' },
        ),
      ],
    );
    one.edges.push({ source: 'x', target: 'x:zzz', kind: 'contains' });
    const two = unit('two.json', [
      flow('x', 'X again'),
      flow('y', 'Y'),
      { ...step, id: 'y:b', flowId: 'y', stepId: 'b', file: 'two.json' },
    ]);
    const { graph, issues } = link([one, two]);
    expect(graph.nodes.get('x')?.name).toBe('X');
    expect(graph.edges).toContainEqual({ source: 'x:a', target: 'y:b', kind: 'uses', via: 'transition' });
    expect(graph.nodes.has('nowhere')).toBe(false);
    expect(issues).toEqual([
      {
        file: 'two.json',
        flow: 'X again',
        message: 'duplicate id "x": already defined in flows.yaml; this flow is ignored',
        severity: 'warning',
      },
      { file: 'one.json', message: 'contains edge x -> x:zzz names an unknown node "x:zzz": dropped', severity: 'error' },
      {
        file: 'one.json',
        flow: 'X',
        field: '[0].definition.transitions[1].to',
        message: 'dangling transition: "nowhere" is not a step of this flow, nor a flow or step in any imported file',
        severity: 'error',
      },
    ]);
  });

  it("drops a flow's own uses edge to a target one of its steps uses, keeping the step's", () => {
    const step = (flowId: string, stepId: string) =>
      ({
        kind: 'step',
        id: `${flowId}:${stepId}`,
        name: stepId,
        state: 'published',
        flowId,
        stepId,
        type: 'callData',
        file: 'org.json',
      }) as const;
    const lookup = { kind: 'resource', type: 'DATAACTION', id: 'action-1', name: 'Lookup' } as const;
    const table = { kind: 'resource', type: 'DATATABLE', id: 'table-1', name: 'Hours' } as const;
    const queue = { kind: 'resource', type: 'QUEUE', id: 'queue-1', name: 'Billing' } as const;
    // A snapshot flow with dependency tracking and a configuration: the flow and its step both use
    // the action and the table; only the flow is said to use the queue; another flow's step uses it.
    const { edges } = usesEdges([
      unit(
        'org.json',
        [flow('main', 'Main'), step('main', 'a'), flow('other', 'Other'), step('other', 'b')],
        [
          uses('main', 'callData', lookup),
          uses('main', 'dataTableLookup', table),
          uses('main', 'transferToAcd', queue),
          uses('main:a', 'callData', lookup),
          uses('main:a', 'dataTableLookup', table),
          uses('main', 'manifest.dataTable', table),
          uses('other:b', 'transferToAcd', queue),
        ],
      ),
    ]);
    expect(edges).toEqual([
      { source: 'main', target: 'queue-1', kind: 'uses', via: 'transferToAcd' },
      { source: 'main:a', target: 'action-1', kind: 'uses', via: 'callData' },
      { source: 'main:a', target: 'table-1', kind: 'uses', via: 'dataTableLookup' },
      { source: 'other:b', target: 'queue-1', kind: 'uses', via: 'transferToAcd' },
    ]);
  });

  it('keeps the first of two nodes with one id inside the first file, in file order', () => {
    const step = {
      kind: 'step',
      id: 'x:a',
      name: 'A',
      state: 'published',
      flowId: 'x',
      stepId: 'a',
      type: 'task',
      file: 'one.json',
    } as const;
    const { graph, issues } = link([
      unit('one.json', [flow('x', 'X'), step, flow('x', 'X again'), flow('y', 'Y'), { ...step, name: 'A again' }]),
    ]);
    expect([...graph.nodes.values()].map((node) => node.name)).toEqual(['X', 'A', 'Y']);
    expect(issues.map((issue) => issue.message)).toEqual([
      // One warning for the flow and its steps, not one per step.
      'duplicate id "x": already defined in flows.yaml; this flow and its 1 step are ignored',
    ]);
  });

  it("takes a self-contained file's edges as they are, without changing the file's own list", () => {
    const steps = ['a', 'b'].map(
      (id) => ({ kind: 'step', id: `x:${id}`, name: id, state: 'published', flowId: 'x', stepId: id, type: 'task' }) as const,
    );
    const one: ImportUnit = {
      ...unit('one.json', [flow('x', 'X'), ...steps], [uses('x:b', 'transition', { kind: 'flow', id: 'y', types: [] })]),
      edges: [
        { source: 'x', target: 'x:a', kind: 'contains' },
        { source: 'x:a', target: 'x:b', kind: 'transition', label: 'yes' },
      ],
      edgesWithinUnit: true,
    };
    const { graph } = link([one, unit('two.json', [flow('y', 'Y')])]);
    expect(graph.edges).toEqual([...one.edges, { source: 'x:b', target: 'y', kind: 'uses', via: 'transition' }]);
    expect(one.edges).toHaveLength(2);
  });
});
