import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompactGraphResponse,
  compactGraphResponseSchema,
  decodeGraphResponse,
  encodeGraphResponse,
  FINDING_CODES,
  type GraphResponse,
  graphResponseSchema,
  parseGraphResponse,
} from '../../src/index.js';
import { EDGE_KINDS, NODE_KINDS, PUBLISH_STATES } from '../../src/model/graph.js';

/** Random answers of `/api/graph`: ids shared by nodes, edges, layout and analysis, plus ids only the analysis or layout names. */
const graphResponse: fc.Arbitrary<GraphResponse> = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 })
  .chain((allIds) => {
    const nodeCount = Math.max(1, Math.ceil(allIds.length / 2));
    const nodeIds = allIds.slice(0, nodeCount);
    const anyId = fc.constantFrom(...allIds);
    const nodeId = fc.constantFrom(...nodeIds);
    const word = fc.constantFrom('a', 'b', 'demo:snapshot', 'x.yaml');
    const point = fc.record({ x: fc.integer({ min: -50, max: 5000 }), y: fc.double({ min: -1e4, max: 1e4, noNaN: true }) });
    const node = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          kind: fc.constantFrom(...NODE_KINDS),
          type: fc.constantFrom('INBOUNDCALL', 'QUEUE', 'playAudio'),
          name: fc.string({ maxLength: 8 }),
          state: fc.constantFrom(...PUBLISH_STATES),
          flowId: nodeId,
          file: word,
          files: fc.array(word, { minLength: 2, maxLength: 3 }),
        },
        { requiredKeys: ['id', 'kind', 'type', 'name', 'state'] },
      );
    const edge = fc.record(
      {
        source: nodeId,
        target: nodeId,
        kind: fc.constantFrom(...EDGE_KINDS),
        via: fc.constantFrom('callData', 'transferToAcd'),
        label: fc.constantFrom('yes', 'no'),
        ambiguous: fc.constant(true),
      },
      { requiredKeys: ['source', 'target', 'kind'] },
    );
    const cycle = fc.record(
      {
        scope: fc.constantFrom('flow' as const, 'org' as const),
        members: fc.array(anyId, { minLength: 1, maxLength: 3 }),
        path: fc.array(anyId, { minLength: 2, maxLength: 4 }),
        cut: fc.record({ source: anyId, target: anyId }),
        flowId: anyId,
      },
      { requiredKeys: ['scope', 'members', 'path', 'cut'] },
    );
    const finding = fc.record(
      {
        code: fc.constantFrom(...FINDING_CODES),
        severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
        subject: anyId,
        message: fc.string({ maxLength: 10 }),
        related: fc.array(anyId, { maxLength: 3 }),
      },
      { requiredKeys: ['code', 'severity', 'subject', 'message'] },
    );
    const count = fc.nat({ max: 100 });
    return fc.record({
      source: fc.record({ kind: fc.constantFrom('demo' as const, 'live' as const), fetchedAt: fc.constant('2026-12-01T00:00:00.000Z') }),
      graph: fc.record({ nodes: fc.tuple(...nodeIds.map(node)), edges: fc.array(edge, { maxLength: 15 }) }),
      analysis: fc.record({
        summary: fc.record({ flows: count, steps: count, resources: count, nodes: count, edges: count }),
        cycles: fc.array(cycle, { maxLength: 3 }),
        deployment: fc.array(fc.array(anyId, { maxLength: 3 }), { maxLength: 3 }).chain((waves) =>
          fc.record({
            waves: fc.constant(waves),
            order: fc.constant(waves.flat()),
            groups: fc.array(fc.array(anyId, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
            blocked: fc.boolean(),
            dynamic: fc.array(anyId, { maxLength: 2 }),
          }),
        ),
        findings: fc.array(finding, { maxLength: 4 }),
        errors: fc.constant([{ file: 'a.yaml', flow: 'Main', message: 'broken', severity: 'error' as const }]),
        warnings: fc.constant([]),
      }),
      layout: fc.record({
        // Positions of some nodes and of some ids the graph lacks.
        positions: fc.dictionary(anyId, point, { maxKeys: allIds.length }),
        width: fc.nat(),
        height: fc.nat(),
        routes: fc.array(fc.record({ source: anyId, target: anyId, points: fc.array(point, { maxLength: 3 }) }), { maxLength: 4 }),
      }),
    });
  });

describe('[U] the compact wire form of /api/graph', () => {
  it('decodes to exactly the answer it encodes, through JSON and the wire schema', () => {
    fc.assert(
      fc.property(graphResponse, (response) => {
        const wire = JSON.parse(JSON.stringify(encodeGraphResponse(response)));
        // Compared with the object form sent as JSON, as the server sent it before (JSON has no -0).
        expect(parseGraphResponse(wire)).toEqual(graphResponseSchema.parse(JSON.parse(JSON.stringify(response))));
      }),
      { numRuns: 300 },
    );
  });

  it("writes each id once, the nodes' first, and each repeated field value once", () => {
    fc.assert(
      fc.property(graphResponse, (response) => {
        const compact = encodeGraphResponse(response);
        expect(new Set(compact.ids).size).toBe(compact.ids.length);
        expect(compact.ids.slice(0, response.graph.nodes.length)).toEqual(response.graph.nodes.map((node) => node.id));
        for (const column of [compact.nodes.kind, compact.nodes.type, compact.nodes.state, compact.edges.via]) {
          expect(new Set(column.values).size).toBe(column.values.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('names the field when an index or a code points past its table', () => {
    const response: GraphResponse = {
      source: { kind: 'demo', fetchedAt: '2026-12-01T00:00:00.000Z' },
      graph: {
        nodes: [
          { id: 'main', kind: 'flow', type: 'INBOUNDCALL', name: 'Main', state: 'published' },
          { id: 'queue', kind: 'resource', type: 'QUEUE', name: 'Sales', state: 'unknown' },
        ],
        edges: [{ source: 'main', target: 'queue', kind: 'uses', via: 'transferToAcd' }],
      },
      analysis: {
        summary: { flows: 1, steps: 0, resources: 1, nodes: 2, edges: 1 },
        cycles: [],
        deployment: { waves: [['queue'], ['main']], order: ['queue', 'main'], groups: [], blocked: false, dynamic: [] },
        findings: [],
        errors: [],
        warnings: [],
      },
      layout: { positions: { main: { x: 0, y: 0 }, queue: { x: 0, y: 100 } }, width: 10, height: 110, routes: [] },
    };
    const good = encodeGraphResponse(response);
    const broken = (change: (wire: CompactGraphResponse) => void) => {
      const wire = structuredClone(good);
      change(wire);
      return () => decodeGraphResponse(compactGraphResponseSchema.parse(wire));
    };
    expect(broken((wire) => (wire.edges.target[0] = 7))).toThrow('edges.target[0]: index 7 is not in ids (2 ids)');
    expect(broken((wire) => (wire.nodes.type.codes[1] = 5))).toThrow('nodes.type.codes[1]: code 5 is not in values');
    expect(broken((wire) => (wire.nodes.kind.values[0] = 'folder'))).toThrow(
      'nodes.kind.values: "folder" is not one of flow, resource, step',
    );
    expect(broken((wire) => wire.nodes.name.pop())).toThrow('nodes.name: 1 values for 2 nodes');
    expect(broken((wire) => (wire.analysis.deployment.waves[1] = [9]))).toThrow('analysis.deployment.waves[1][0]: index 9');
    expect(() => parseGraphResponse({ ...good, format: 'flowgraph.compact-graph/0' })).toThrow();
  });
});
