import {
  AnalysisContext,
  cycleFocus,
  cycleFocusSchema,
  type FlowGraph,
  type FlowNode,
  findPaths,
  focus,
  focusSchema,
  type GraphEdge,
  pathsSchema,
  type ResourceNode,
} from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { focusSearchParams } from '../src/api/queries.js';
import {
  MIN_READABLE_ZOOM,
  NODE_HEIGHT,
  NODE_WIDTH,
  placedForLayout,
  ROW_SPACING,
  readableLayout,
  zoomToFit,
} from '../src/scope/readable-layout.js';
import { BAND_PREFIX, labelOf, routeAcross, scopeElements } from '../src/scope/scope-elements.js';
import { wrapToWidth } from '../src/scope/wrap-label.js';
import { focusOn } from '../src/state/types.js';

const flow = (id: string, name = `Flow ${id}`): FlowNode => ({
  kind: 'flow',
  id,
  name,
  state: 'published',
  type: 'COMMONMODULE',
  versions: {},
  file: 't.json',
});
const queue = (id: string): ResourceNode => ({ kind: 'resource', id, name: `Queue ${id}`, state: 'published', type: 'QUEUE' });
const uses = (source: string, target: string, via = 'callCommonModule'): GraphEdge => ({ source, target, kind: 'uses', via });
const graphOf = (nodes: (FlowNode | ResourceNode)[], edges: GraphEdge[]): FlowGraph => ({
  nodes: new Map(nodes.map((node) => [node.id, node])),
  edges,
});

/** Core's answer as the page receives it: through JSON and the page's own schema. */
const asReceived = <T>(schema: { parse(value: unknown): T }, value: unknown): T => schema.parse(JSON.parse(JSON.stringify(value)));

/** A hub called by `callers` flows and calling `callees` flows and queues. */
function hub(callers: number, callees: number): FlowGraph {
  const nodes: (FlowNode | ResourceNode)[] = [flow('hub', 'Hub')];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < callers; i++) {
    nodes.push(flow(`c${i}`));
    edges.push(uses(`c${i}`, 'hub'));
  }
  for (let i = 0; i < callees; i++) {
    nodes.push(i % 2 === 0 ? flow(`d${i}`) : queue(`d${i}`));
    edges.push(uses('hub', `d${i}`));
  }
  return graphOf(nodes, edges);
}

/** The focus canvas in a 1600 x 1000 window (measured: the header and the controls row take 112 px). */
/** `perDepth` flows at each depth up to `depth`, upstream and downstream of `hub`, in chains. */
function layered(perDepth: number, depth: number): FlowGraph {
  const nodes = [flow('hub', 'Hub')];
  const edges: GraphEdge[] = [];
  for (let d = 1; d <= depth; d++) {
    for (let i = 0; i < perDepth; i++) {
      nodes.push(flow(`u${d}.${i}`), flow(`d${d}.${i}`));
      edges.push(uses(`u${d}.${i}`, d === 1 ? 'hub' : `u${d - 1}.${i}`), uses(d === 1 ? 'hub' : `d${d - 1}.${i}`, `d${d}.${i}`));
    }
  }
  return graphOf(nodes, edges);
}

const WINDOW = { width: 1600, height: 888 };
const PADDING = 16;

describe('[U] readable scope layout', () => {
  it('spreads tall depths over sub-columns until 150 nodes up to three hops each side fit a 1600 x 1000 window at 10 px labels', () => {
    const shapes: [string, FlowGraph, number][] = [
      ['10 callers, 139 callees', hub(10, 139), 1],
      ['74 callers, 75 callees', hub(74, 75), 1],
      ['149 callees', hub(0, 149), 1],
      ['149 callers', hub(149, 0), 1],
      ['37 per depth, 2 hops', layered(37, 2), 2],
      ['25 per depth, 3 hops', layered(25, 3), 3],
    ];
    for (const [name, graph, depth] of shapes) {
      const scope = asReceived(focusSchema, focus(new AnalysisContext(graph), 'hub', { depth }));
      expect(scope.nodes.length).toBeGreaterThanOrEqual(149);
      expect(scope.nodes.length).toBeLessThanOrEqual(151);
      const { layout, fitZoom } = readableLayout(scope, WINDOW, PADDING);
      expect(fitZoom, name).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM - 1e-9);
      expect(zoomToFit(layout, WINDOW, PADDING)).toBe(fitZoom);
      // No two boxes overlap.
      const boxes = Object.values(layout.positions);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT).toBe(true);
        }
      }
    }
  });

  it('cannot fit 150 nodes five hops deep each side: the fit zoom says so (the canvas then caps it at 10 / 12)', () => {
    const scope = asReceived(focusSchema, focus(new AnalysisContext(layered(15, 5)), 'hub', { depth: 5 }));
    expect(readableLayout(scope, WINDOW, PADDING).fitZoom).toBeLessThan(MIN_READABLE_ZOOM);
  });

  it('leaves a small focus in one column per depth', () => {
    const scope = asReceived(focusSchema, focus(new AnalysisContext(hub(3, 4)), 'hub'));
    const { layout } = readableLayout(scope, WINDOW, PADDING);
    const columns = new Set(Object.values(layout.positions).map((p) => p.x));
    expect(columns.size).toBe(3);
  });

  it('draws a short cycle as a row in path order, callers left, callees right', () => {
    const graph = graphOf(
      [flow('a'), flow('b'), flow('c'), flow('x'), flow('y')],
      [uses('a', 'b'), uses('b', 'c'), uses('c', 'a'), uses('x', 'a'), uses('b', 'y')],
    );
    const context = new AnalysisContext(graph);
    const cycle = context.cycles.find((candidate) => candidate.scope === 'org')!;
    const scope = asReceived(cycleFocusSchema, cycleFocus(context, cycle));
    const { layout } = readableLayout(placedForLayout(scope), WINDOW, PADDING);
    const order = cycle.path.slice(0, -1);
    const xs = order.map((id) => layout.positions[id]!.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    expect(new Set(order.map((id) => layout.positions[id]!.y)).size).toBe(1);
    expect(layout.positions.x!.x).toBeLessThan(Math.min(...xs));
    expect(layout.positions.y!.x).toBeGreaterThan(Math.max(...xs));
  });
});

describe('[U] scope elements', () => {
  it('wraps a name into at most two lines, the second cut with an ellipsis', () => {
    const node = { id: 'n', kind: 'flow', type: 'INBOUNDCALL', state: 'published', side: 'down', depth: 1 } as const;
    expect(labelOf({ ...node, name: 'Main IVR' })).toBe('Main IVR');
    expect(labelOf({ ...node, name: 'Accelerator - Switch from Voice Channel with Context (Simple) - Sales' })).toBe(
      'Accelerator - Switch\nfrom Voice Channel with…',
    );
    // Measured: a wide font gets fewer characters per line, never a line wider than the box.
    const wide = (text: string) => text.length * 9;
    const lines = wrapToWidth('GetInboundConversationDetailsForPickUp (Include Queue)', 148, wide);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(wide(line)).toBeLessThanOrEqual(148);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(wrapToWidth('Main IVR', 148, wide)).toEqual(['Main IVR']);
    expect(labelOf({ ...node, name: '' })).toBe('n');
  });

  it('routes an edge that skips a column through the gap between its boxes, level across the column', () => {
    const columns = new Map([
      [0, [0]],
      [300, [-ROW_SPACING, 0, ROW_SPACING]],
      [600, [0]],
    ]);
    const bends = routeAcross({ x: 0, y: 0 }, { x: 600, y: 0 }, columns);
    expect(bends).toHaveLength(2);
    expect(bends[0]!.y).toBe(bends[1]!.y);
    expect(Math.abs(bends[0]!.y)).toBe(ROW_SPACING / 2);
    expect(bends[0]!.x).toBeLessThan(300 - NODE_WIDTH / 2);
    expect(bends[1]!.x).toBeGreaterThan(300 + NODE_WIDTH / 2);
    // A clear line stays straight.
    expect(routeAcross({ x: 0, y: 4 * ROW_SPACING }, { x: 600, y: 4 * ROW_SPACING }, columns)).toEqual([]);
  });

  it('puts each depth in a named band, captions a path with via and a cycle with its hops and cut', () => {
    const focused = asReceived(focusSchema, focus(new AnalysisContext(hub(2, 2)), 'hub'));
    const elements = scopeElements(focused, readableLayout(focused, WINDOW, PADDING).layout);
    const bands = elements.filter((element) => element.data.band === true).map((element) => element.data.label);
    expect(bands.sort()).toEqual(['Depends on · 1 hop', 'Used by · 1 hop']);
    const hubNode = elements.find((element) => element.data.id === 'hub')!;
    expect(hubNode.data.parent).toBeUndefined();
    expect(elements.find((element) => element.data.id === 'c0')!.data.parent).toBe(`${BAND_PREFIX}Used by · 1 hop`);

    const graph = graphOf(
      [flow('a'), flow('b'), flow('c')],
      [uses('a', 'b', 'transferToFlow'), uses('b', 'a', 'callCommonModule'), uses('b', 'c')],
    );
    const context = new AnalysisContext(graph);
    const paths = asReceived(pathsSchema, findPaths(context, 'a', 'c'));
    const pathEdges = scopeElements(paths, readableLayout(paths, WINDOW, PADDING).layout).filter((element) => element.group === 'edges');
    expect(pathEdges.map((element) => element.data.label)).toEqual(['transferToFlow', 'callCommonModule']);

    const cycle = asReceived(cycleFocusSchema, cycleFocus(context, context.cycles[0]!));
    const cycleEdges = scopeElements(cycle, readableLayout(cycle, WINDOW, PADDING).layout).filter((element) => element.group === 'edges');
    const labels = cycleEdges.map((element) => element.data.label).filter((label) => label !== undefined);
    expect(labels).toContain(`cut: ${cycle.cut.via}`);
    expect(labels.filter((label) => /^\d\. /.test(String(label)))).toHaveLength(1);
    // The callee edge steps back; the cycle's edges do not.
    expect(cycleEdges.find((element) => element.data.target === 'c')!.data.context).toBe(true);
  });
});

describe('[U] focus query', () => {
  it('asks for the types still shown, and for no resources when every type is hidden', () => {
    const all = ['DATAACTION', 'QUEUE', 'USERPROMPT'];
    const settings = { ...focusOn('m'), depth: 'all' as const, hiddenTypes: ['QUEUE'], collapse: ['DATAACTION'] };
    expect(Object.fromEntries(focusSearchParams(settings, all))).toEqual({
      node: 'm',
      depth: 'all',
      direction: 'both',
      types: 'DATAACTION,USERPROMPT',
      collapse: 'DATAACTION',
      group: 'true',
    });
    const none = focusSearchParams({ ...settings, hiddenTypes: all, collapse: [], group: false, inFlow: 'f' }, all);
    expect(Object.fromEntries(none)).toEqual({ node: 'm', depth: 'all', direction: 'both', flow: 'f', kinds: 'flow,step' });
  });
});
