import { ENTRY_FLOW_TYPES, type ExportGraph, type Point } from '@flowgraph/core';
import { DIM_PLATE_ID } from './dimming.js';

/**
 * Keyboard walk of the org graph, as data: which node the cursor moves to for a key. No
 * Cytoscape, no React, so every rule is testable; the canvas only draws the cursor it is given.
 *
 * Right goes to what the node uses (downstream), Left to what uses it (upstream), Down and Up to
 * the next and previous of the list the cursor is in (the callees or callers of the node it came
 * from), top to bottom as laid out. Left after Right lands back where it came from (and Right
 * after Left), so a step is undone by its opposite key. Home goes to the most important entry.
 */
export type NavKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp' | 'Home';

export const NAV_KEYS: readonly NavKey[] = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home'];

export function isNavKey(key: string): key is NavKey {
  return (NAV_KEYS as readonly string[]).includes(key);
}

export type Direction = 'callees' | 'callers';

/** Where the cursor is, and how it got there: it is one of `from.node`'s callees or callers (none at an entry or a start). */
export interface Cursor {
  node: string;
  from: { node: string; direction: Direction } | null;
}

/** The shown graph as the keys walk it. */
export interface NavGraph {
  /** Shown callees and callers of each shown node, distinct, top to bottom then left to right. */
  callees: ReadonlyMap<string, readonly string[]>;
  callers: ReadonlyMap<string, readonly string[]>;
  /**
   * Where a walk starts, in layout order: every node no shown node uses, plus one node for each part
   * of the graph those do not reach (a cycle nothing else calls), so every shown node is reachable
   * from an entry by Right and Down alone.
   */
  entries: readonly string[];
  /** Where Home goes: the inbound call flow that uses the most (else another entry flow, another flow). */
  home: string | undefined;
  /** Each shown node's layout column, top to bottom: Up and Down for a node reached without a list. */
  columns: ReadonlyMap<string, readonly string[]>;
}

export interface NavInput {
  graph: ExportGraph;
  positions: Readonly<Record<string, Point>>;
  /** Nodes the filters hide: the cursor never lands on them. */
  hidden: ReadonlySet<string>;
}

const ORIGIN: Point = { x: 0, y: 0 };

/** The walkable graph: shown nodes only (never a filtered node, never the dimming plate), ordered by layout. */
export function buildNavGraph({ graph, positions, hidden }: NavInput): NavGraph {
  const shown = graph.nodes.filter((node) => !hidden.has(node.id) && node.id !== DIM_PLATE_ID);
  const shownIds = new Set(shown.map((node) => node.id));
  const at = (id: string) => positions[id] ?? ORIGIN;
  const byLayout = (a: string, b: string) => at(a).y - at(b).y || at(a).x - at(b).x || (a < b ? -1 : a > b ? 1 : 0);

  const callees = new Map<string, Set<string>>(shown.map((node) => [node.id, new Set()]));
  const callers = new Map<string, Set<string>>(shown.map((node) => [node.id, new Set()]));
  for (const edge of graph.edges) {
    if (edge.source === edge.target || !shownIds.has(edge.source) || !shownIds.has(edge.target)) continue;
    callees.get(edge.source)?.add(edge.target);
    callers.get(edge.target)?.add(edge.source);
  }
  const sorted = (lists: Map<string, Set<string>>) => new Map([...lists].map(([id, set]) => [id, [...set].sort(byLayout)]));
  const nav = { callees: sorted(callees), callers: sorted(callers) };

  const sources = shown.filter((node) => callers.get(node.id)?.size === 0).map((node) => node.id);
  const entries = coverByEntries(
    sources,
    [...shownIds].sort((a, b) => at(a).x - at(b).x || byLayout(a, b)),
    nav.callees,
  ).sort(byLayout);
  const nodes = new Map(shown.map((node) => [node.id, node]));
  // Inbound call flows first (the IVRs an architect names first), then other entry flows, other
  // flows, resources; within each, the one using the most.
  const rank = (id: string) => {
    const node = nodes.get(id);
    const flow = node?.kind === 'flow';
    const tier = flow && node.type === 'INBOUNDCALL' ? 3 : flow && ENTRY_FLOW_TYPES.has(node.type as never) ? 2 : flow ? 1 : 0;
    return tier * 1e9 + (callees.get(id)?.size ?? 0);
  };
  const home = entries.reduce<string | undefined>((best, id) => (best === undefined || rank(id) > rank(best) ? id : best), undefined);

  const columns = new Map<number, string[]>();
  for (const id of shownIds) {
    const x = Math.round(at(id).x);
    const column = columns.get(x);
    if (column) column.push(id);
    else columns.set(x, [id]);
  }
  const columnOf = new Map<string, readonly string[]>();
  for (const column of columns.values()) {
    column.sort(byLayout);
    for (const id of column) columnOf.set(id, column);
  }
  return { ...nav, entries, home, columns: columnOf };
}

/**
 * The sources, plus, for each node they do not reach (in `order`, callers usually left of their
 * callees), that node as a further entry and all it reaches: a breadth-first walk over the callees,
 * iterative and linear.
 */
function coverByEntries(sources: readonly string[], order: readonly string[], callees: ReadonlyMap<string, readonly string[]>): string[] {
  const reached = new Set<string>();
  const entries: string[] = [];
  const walkFrom = (start: string) => {
    entries.push(start);
    reached.add(start);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      for (const next of callees.get(queue[head]!) ?? []) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
      }
    }
  };
  for (const id of sources) if (!reached.has(id)) walkFrom(id);
  for (const id of order) if (!reached.has(id)) walkFrom(id);
  return entries;
}

/** The cursor as far as it still holds in this graph: null if its node is no longer shown, no list if it left that list. */
export function validCursor(nav: NavGraph, cursor: Cursor | null): Cursor | null {
  if (cursor === null || !nav.callees.has(cursor.node)) return null;
  const { from } = cursor;
  if (from === null || listOf(nav, from.node, from.direction).includes(cursor.node)) return cursor;
  return { node: cursor.node, from: null };
}

/** The list the cursor steps through with Up and Down, and whether it is the entries. */
export function siblingsOf(nav: NavGraph, cursor: Cursor): readonly string[] {
  if (cursor.from !== null) return listOf(nav, cursor.from.node, cursor.from.direction);
  return nav.entries.includes(cursor.node) ? nav.entries : (nav.columns.get(cursor.node) ?? [cursor.node]);
}

function listOf(nav: NavGraph, node: string, direction: Direction): readonly string[] {
  return (direction === 'callees' ? nav.callees : nav.callers).get(node) ?? [];
}

export interface Move {
  cursor: Cursor | null;
  /** Why the cursor stayed: nothing that way, or the end of its list. */
  blocked?: 'no-callees' | 'no-callers' | 'first' | 'last';
}

/**
 * The cursor after a key. Without a cursor any key starts at `start` (the selected node) when it
 * is shown, else at Home. Never returns a node that is not shown.
 */
export function move(nav: NavGraph, current: Cursor | null, key: NavKey, start: string | null = null): Move {
  const cursor = validCursor(nav, current);
  if (key === 'Home' || cursor === null) {
    const node = key !== 'Home' && start !== null && nav.callees.has(start) ? start : nav.home;
    return { cursor: node === undefined ? null : { node, from: null } };
  }
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const direction: Direction = key === 'ArrowRight' ? 'callees' : 'callers';
    const list = listOf(nav, cursor.node, direction);
    // Back the way it came, when it came the other way; else the first as laid out.
    const back =
      cursor.from !== null && cursor.from.direction !== direction && list.includes(cursor.from.node) ? cursor.from.node : undefined;
    const next = back ?? list[0];
    if (next === undefined) return { cursor, blocked: direction === 'callees' ? 'no-callees' : 'no-callers' };
    return { cursor: { node: next, from: { node: cursor.node, direction } } };
  }
  const list = siblingsOf(nav, cursor);
  const index = list.indexOf(cursor.node);
  const next = list[key === 'ArrowDown' ? index + 1 : index - 1];
  if (next === undefined) return { cursor, blocked: key === 'ArrowDown' ? 'last' : 'first' };
  return { cursor: { node: next, from: cursor.from } };
}
