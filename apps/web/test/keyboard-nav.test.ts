import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportGraph, Point } from '@flowgraph/core';
import { announce, describeNode, typeName } from '../src/graph/cursor-announcement.js';
import { DIM_PLATE_ID } from '../src/graph/dimming.js';
import { buildNavGraph, type Cursor, move, NAV_KEYS, type NavGraph, type NavKey } from '../src/graph/keyboard-nav.js';

const node = (id: string, kind: 'flow' | 'resource', type: string) => ({ id, kind, type, name: `Name ${id}`, state: 'published' as const });
const uses = (source: string, target: string) => ({ source, target, kind: 'uses' as const });

// ivr -> menu, ivr -> billing; menu -> lookup (data action), billing -> lookup, billing -> queue;
// survey (an outbound flow) -> lookup. Laid out left to right, top to bottom as named.
const graph: ExportGraph = {
  nodes: [
    node('survey', 'flow', 'OUTBOUNDCALL'),
    node('ivr', 'flow', 'INBOUNDCALL'),
    node('menu', 'flow', 'COMMONMODULE'),
    node('billing', 'flow', 'COMMONMODULE'),
    node('lookup', 'resource', 'DATAACTION'),
    node('queue', 'resource', 'QUEUE'),
  ],
  edges: [uses('ivr', 'menu'), uses('ivr', 'billing'), uses('ivr', 'billing'), uses('menu', 'lookup'), uses('billing', 'lookup')].concat([
    uses('billing', 'queue'),
    uses('survey', 'lookup'),
  ]),
};
const positions: Record<string, Point> = {
  survey: { x: 0, y: 0 },
  ivr: { x: 0, y: 100 },
  menu: { x: 200, y: 50 },
  billing: { x: 200, y: 150 },
  lookup: { x: 400, y: 100 },
  queue: { x: 400, y: 200 },
};
const nav = buildNavGraph({ graph, positions, hidden: new Set() });

/** Presses the keys in turn from no cursor; the node after each. */
function walk(keys: readonly NavKey[], on: NavGraph = nav, start: string | null = null): string[] {
  let cursor: Cursor | null = null;
  return keys.map((key) => {
    cursor = move(on, cursor, key, start).cursor;
    return cursor?.node ?? '(none)';
  });
}

describe('[U] keyboard navigation of the org graph', () => {
  it('goes Home to the inbound flow that uses the most, whatever the first key', () => {
    expect(nav.home).toBe('ivr');
    expect(walk(['Home'])).toEqual(['ivr']);
    expect(walk(['ArrowDown'])).toEqual(['ivr']);
    // The entries are the flows nothing uses, top to bottom: Up and Down move between them.
    expect(nav.entries).toEqual(['survey', 'ivr']);
    expect(walk(['Home', 'ArrowUp', 'ArrowDown'])).toEqual(['ivr', 'survey', 'ivr']);
  });

  it('prefers an inbound call flow for Home over an entry that uses more', () => {
    const mixed: ExportGraph = {
      nodes: [
        node('mail', 'flow', 'INBOUNDEMAIL'),
        node('call', 'flow', 'INBOUNDCALL'),
        node('q1', 'resource', 'QUEUE'),
        node('q2', 'resource', 'QUEUE'),
      ],
      edges: [uses('mail', 'q1'), uses('mail', 'q2'), uses('call', 'q1')],
    };
    expect(buildNavGraph({ graph: mixed, positions: {}, hidden: new Set() }).home).toBe('call');
    expect(buildNavGraph({ graph: mixed, positions: {}, hidden: new Set(['call']) }).home).toBe('mail');
    // An inbound call flow nothing uses before one on a cycle (an entry only for the walk to reach the cycle).
    const cycle: ExportGraph = {
      nodes: [node('ring', 'flow', 'INBOUNDCALL'), node('back', 'flow', 'INBOUNDCALL'), node('main', 'flow', 'INBOUNDCALL')],
      // main uses nothing; ring and back use each other, so ring uses more but something uses it.
      edges: [uses('ring', 'back'), uses('back', 'ring')],
    };
    expect(buildNavGraph({ graph: cycle, positions: {}, hidden: new Set() }).home).toBe('main');
  });

  it('starts at the selected node when there is one', () => {
    expect(walk(['ArrowRight', 'ArrowRight'], nav, 'billing')).toEqual(['billing', 'lookup']);
    expect(walk(['Home'], nav, 'billing')).toEqual(['ivr']);
  });

  it('walks callees right, callers left, siblings down and up, top to bottom; the opposite key goes back', () => {
    expect(walk(['Home', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowLeft'])).toEqual([
      'ivr',
      'menu', // ivr's first callee (the upper one)
      'billing',
      'billing', // the last of ivr's callees: stays
      'lookup',
      'queue',
      'billing', // back to where it came from, not the first caller of queue
      'ivr',
    ]);
    // From the data action left: the caller it came from first, then the others that use it.
    expect(walk(['Home', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowUp'])).toEqual([
      'ivr',
      'menu',
      'lookup',
      'menu',
      'billing',
      'billing', // callers of lookup: survey (y 0), menu (50), billing (150): billing is the last
      'menu',
      'survey',
      'survey',
    ]);
  });

  it('says why the cursor did not move', () => {
    expect(move(nav, { node: 'ivr', from: null }, 'ArrowLeft').blocked).toBe('no-callers');
    expect(move(nav, { node: 'queue', from: null }, 'ArrowRight').blocked).toBe('no-callees');
    expect(move(nav, { node: 'ivr', from: null }, 'ArrowDown').blocked).toBe('last');
  });

  it('skips filtered nodes, and drops a cursor a filter hides', () => {
    const filtered = buildNavGraph({ graph, positions, hidden: new Set(['menu']) });
    expect(walk(['Home', 'ArrowRight'], filtered)).toEqual(['ivr', 'billing']);
    expect(move(filtered, { node: 'menu', from: { node: 'ivr', direction: 'callees' } }, 'ArrowDown').cursor).toEqual({
      node: 'ivr',
      from: null,
    });
    // A list the cursor left (its parent hidden) is dropped; the cursor stays.
    const noIvr = buildNavGraph({ graph, positions, hidden: new Set(['ivr']) });
    expect(move(noIvr, { node: 'menu', from: { node: 'ivr', direction: 'callees' } }, 'ArrowRight').cursor).toEqual({
      node: 'lookup',
      from: { node: 'menu', direction: 'callees' },
    });
  });

  it('gives a cycle nothing else calls an entry of its own', () => {
    const cyclic: ExportGraph = {
      nodes: [
        node('a', 'flow', 'INBOUNDCALL'),
        node('b', 'flow', 'COMMONMODULE'),
        node('x', 'flow', 'COMMONMODULE'),
        node('y', 'flow', 'COMMONMODULE'),
      ],
      edges: [uses('a', 'b'), uses('x', 'y'), uses('y', 'x'), uses('x', 'b')],
    };
    const at = { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, x: { x: 0, y: 100 }, y: { x: 200, y: 100 } };
    expect(buildNavGraph({ graph: cyclic, positions: at, hidden: new Set() }).entries).toEqual(['a', 'x']);
  });

  it('announces the node, its kind, what it uses and what uses it, and its place', () => {
    expect(describeNode(graph, 'ivr')).toBe('Name ivr, inbound call flow, uses 2, used by 0');
    expect(describeNode(graph, 'lookup')).toBe('Name lookup, data action, uses 0, used by 3');
    expect(announce(graph, nav, move(nav, null, 'Home'))).toBe('Name ivr, inbound call flow, uses 2, used by 0; entry 2 of 2');
    const onMenu = move(nav, { node: 'ivr', from: null }, 'ArrowRight');
    expect(announce(graph, nav, onMenu)).toBe('Name menu, common module, uses 1, used by 1; 1 of 2 that Name ivr uses');
    const backUp = move(nav, { node: 'lookup', from: { node: 'menu', direction: 'callees' } }, 'ArrowLeft');
    expect(announce(graph, nav, backUp)).toBe('Name menu, common module, uses 1, used by 1; 2 of 3 that use Name lookup');
    expect(announce(graph, nav, move(nav, { node: 'queue', from: null }, 'ArrowRight'))).toBe('Name queue uses nothing shown');
    expect(typeName('resource', 'GRAMMAR')).toBe('grammar resource');
  });
});

/** A random graph as laid out, with some nodes filtered and maybe the plate's id among the nodes. */
const arbitraryGraph = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
      hidden: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      at: fc.array(fc.record({ x: fc.integer({ min: 0, max: 3 }), y: fc.integer({ min: 0, max: 5 }) }), { minLength: n, maxLength: n }),
      types: fc.array(fc.constantFrom('INBOUNDCALL', 'COMMONMODULE', 'DATAACTION'), { minLength: n, maxLength: n }),
      plate: fc.boolean(),
    }),
  )
  .map(({ n, edges, hidden, at, types, plate }) => {
    const ids = Array.from({ length: n }, (_, i) => (plate && i === 0 ? DIM_PLATE_ID : `n${i}`));
    const graph: ExportGraph = {
      nodes: ids.map((id, i) => node(id, types[i] === 'DATAACTION' ? 'resource' : 'flow', types[i]!)),
      edges: edges.map(([s, t]) => uses(ids[s]!, ids[t]!)),
    };
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: at[i]!.x * 200, y: at[i]!.y * 60 }]));
    return { graph, positions, hidden: new Set(ids.filter((_, i) => hidden[i])) };
  });

/** Every cursor some key presses reach from no cursor, by breadth-first search over (node, list) states: finite, so exhaustive. */
function reachable(on: NavGraph, keys: readonly NavKey[]): Map<string, Cursor> {
  const seen = new Map<string, Cursor>();
  let frontier: (Cursor | null)[] = [null];
  while (frontier.length > 0) {
    const next: Cursor[] = [];
    for (const cursor of frontier) {
      for (const key of keys) {
        const moved = move(on, cursor, key).cursor;
        if (moved === null) continue;
        const id = JSON.stringify(moved);
        if (seen.has(id)) continue;
        seen.set(id, moved);
        next.push(moved);
      }
    }
    frontier = next;
  }
  return seen;
}

describe('[U] keyboard navigation: properties', () => {
  it('reaches every shown node from the entry by key presses, and never a hidden node or the plate', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ graph, positions, hidden }) => {
        const on = buildNavGraph({ graph, positions, hidden });
        const shown = graph.nodes.map((n) => n.id).filter((id) => !hidden.has(id) && id !== DIM_PLATE_ID);
        const landed = new Set([...reachable(on, NAV_KEYS).values()].map((cursor) => cursor.node));
        expect([...landed].sort()).toEqual([...shown].sort());
        // Right, Down and Up alone (downstream only) reach every node too: the entries cover the graph.
        const forward = new Set([...reachable(on, ['Home', 'ArrowRight', 'ArrowDown', 'ArrowUp']).values()].map((c) => c.node));
        expect(forward.size).toBe(shown.length);
      }),
      { numRuns: 300 },
    );
  });

  it('moves only along an edge, or within the list it is in', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ graph, positions, hidden }) => {
        const on = buildNavGraph({ graph, positions, hidden });
        const edges = new Set(graph.edges.map((edge) => `${edge.source}>${edge.target}`));
        for (const cursor of reachable(on, NAV_KEYS).values()) {
          for (const key of ['ArrowRight', 'ArrowLeft'] as const) {
            const next = move(on, cursor, key).cursor;
            if (next === null || next.node === cursor.node) continue;
            expect(edges.has(key === 'ArrowRight' ? `${cursor.node}>${next.node}` : `${next.node}>${cursor.node}`)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never lands on a hidden node while filters change between key presses', () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.array(fc.tuple(fc.constantFrom(...NAV_KEYS), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 })), { maxLength: 30 }),
        ({ graph, positions }, presses) => {
          let cursor: Cursor | null = null;
          for (const [key, hides] of presses) {
            const hidden = new Set(graph.nodes.filter((_, i) => hides[i]).map((n) => n.id));
            cursor = move(buildNavGraph({ graph, positions, hidden }), cursor, key).cursor;
            if (cursor === null) continue;
            expect(hidden.has(cursor.node)).toBe(false);
            expect(cursor.node).not.toBe(DIM_PLATE_ID);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
