import { ENTRY_FLOW_TYPES, type ExportGraph, type Point } from '@flowgraph/core';
import { nodeIndex } from '../api/node-index.js';
import { DIM_PLATE_ID } from './dimming.js';
import { classString } from './visual-class.js';

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
  /** Each shown node's place in the layout, top to bottom then left to right. */
  order: ReadonlyMap<string, number>;
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
  const at = (id: string) => positions[id] ?? ORIGIN;
  // One sort of every shown node, top to bottom then left to right. Below, a node is its place in
  // that order, so each list is sorted as numbers (sorting lists of names by their positions took
  // half a second at 40,000 nodes).
  const ordered = graph.nodes
    .filter((node) => !hidden.has(node.id) && node.id !== DIM_PLATE_ID)
    .map((node) => node.id)
    .sort((a, b) => at(a).y - at(b).y || at(a).x - at(b).x || (a < b ? -1 : a > b ? 1 : 0));
  const order = new Map(ordered.map((id, index) => [id, index]));

  const down: (number[] | undefined)[] = new Array(ordered.length);
  const up: (number[] | undefined)[] = new Array(ordered.length);
  for (const edge of graph.edges) {
    const source = order.get(edge.source);
    const target = order.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    push(down, source, target);
    push(up, target, source);
  }
  const named = (places: readonly number[]) => places.map((place) => ordered[place]!);
  const lists = (adjacency: (number[] | undefined)[]) => {
    const byName = new Map<string, readonly string[]>();
    adjacency.forEach((places, place) => {
      if (places) byName.set(ordered[place]!, named(distinctSorted(places)));
    });
    return byName;
  };
  const callees = lists(down);
  const callers = lists(up);

  // Callers usually stand left of their callees: left to right, top to bottom within a column.
  const leftToRight = ordered.map((_, place) => place).sort((a, b) => at(ordered[a]!).x - at(ordered[b]!).x);
  const entries = named(coverByEntries(up, leftToRight, down).sort((a, b) => a - b));
  const nodes = nodeIndex(graph);
  // Inbound call flows first (the IVRs an architect names first), then other entry flows, other
  // flows, resources; within each, one nothing uses before a cycle's, then the one using the most.
  const rank = (id: string) => {
    const node = nodes.get(id);
    const flow = node?.kind === 'flow';
    const tier = flow && node.type === 'INBOUNDCALL' ? 3 : flow && ENTRY_FLOW_TYPES.has(node.type as never) ? 2 : flow ? 1 : 0;
    return tier * 2e9 + (callers.has(id) ? 0 : 1e9) + (callees.get(id)?.length ?? 0);
  };
  const home = entries.reduce<string | undefined>((best, id) => (best === undefined || rank(id) > rank(best) ? id : best), undefined);

  const byColumn = new Map<number, string[]>();
  for (const id of ordered) {
    const x = Math.round(at(id).x);
    const column = byColumn.get(x);
    if (column) column.push(id);
    else byColumn.set(x, [id]);
  }
  const columns = new Map<string, readonly string[]>();
  for (const column of byColumn.values()) for (const id of column) columns.set(id, column);
  return { order, callees, callers, entries, home, columns };
}

function push(lists: (number[] | undefined)[], place: number, value: number): void {
  const list = lists[place];
  if (list) list.push(value);
  else lists[place] = [value];
}

/** Sorted, each once (a flow that calls another from two places has two edges to it). */
function distinctSorted(places: number[]): number[] {
  places.sort((a, b) => a - b);
  return places.filter((place, index) => index === 0 || place !== places[index - 1]);
}

/**
 * The nodes nothing uses, plus, for each node they do not reach (in `order`), that node as a
 * further entry with all it reaches: breadth-first over the callees, iterative and linear.
 */
function coverByEntries(
  up: readonly (number[] | undefined)[],
  order: readonly number[],
  down: readonly (number[] | undefined)[],
): number[] {
  const reached = new Uint8Array(up.length);
  const entries: number[] = [];
  const walkFrom = (start: number) => {
    entries.push(start);
    reached[start] = 1;
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      for (const next of down[queue[head]!] ?? []) {
        if (reached[next] === 1) continue;
        reached[next] = 1;
        queue.push(next);
      }
    }
  };
  for (let place = 0; place < up.length; place++) if (up[place] === undefined && reached[place] === 0) walkFrom(place);
  for (const place of order) if (reached[place] === 0) walkFrom(place);
  return entries;
}

/** The cursor as far as it still holds in this graph: null if its node is no longer shown, no list if it left that list. */
export function validCursor(nav: NavGraph, cursor: Cursor | null): Cursor | null {
  if (cursor === null || !nav.order.has(cursor.node)) return null;
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
    const node = key !== 'Home' && start !== null && nav.order.has(start) ? start : nav.home;
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

/**
 * The classes with the keyboard cursor's ring added on its node. Separate from `computeClasses`:
 * each arrow key moves the cursor, and only this copy of the (few) role classes is redone for it.
 */
export function withKeyboardFocus(classes: ReadonlyMap<string, string>, cursor: string | null): ReadonlyMap<string, string> {
  if (cursor === null) return classes;
  const next = new Map(classes);
  const own = classes.get(cursor);
  next.set(cursor, own ? `${own} ${classString(['keyboard-focus'])}` : classString(['keyboard-focus']));
  return next;
}
