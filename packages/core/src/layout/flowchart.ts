import type { EdgeRoute, Layout, Point } from './types.js';

/**
 * How a transition reads in a flowchart: the happy path (success, yes, found, default, or no
 * condition at all) goes straight on; failure and timeout paths are errors; anything else (a menu
 * choice, `no`, a schedule state) is a branch. Labels compare case-insensitively.
 */
export type TransitionRole = 'happy' | 'branch' | 'error';

const HAPPY = new Set(['', 'success', 'yes', 'found', 'default', 'open', 'continue', 'next', 'true']);
const ERROR = /fail|timeout|error|exception/i;

export function transitionRole(label: string | undefined): TransitionRole {
  const text = (label ?? '').trim().toLowerCase();
  if (HAPPY.has(text)) return 'happy';
  return ERROR.test(text) ? 'error' : 'branch';
}

const ROLE_ORDER: Readonly<Record<TransitionRole, number>> = { happy: 0, branch: 1, error: 2 };

/** A flow's step graph as the flowchart reads it (the steps endpoint's graph fits). */
export interface FlowchartGraph {
  nodes: readonly { id: string; kind: string }[];
  edges: readonly { source: string; target: string; kind: string; label?: string | undefined }[];
}

export interface FlowchartOptions {
  /** Horizontal distance between step columns; room for a label. */
  columnSpacing?: number;
  /** Vertical distance between lanes: a step row, its label, the objects it uses above it, and a gap for loops below. */
  laneSpacing?: number;
}

const DEFAULTS: Required<FlowchartOptions> = { columnSpacing: 220, laneSpacing: 130 };
/** Objects a step uses sit this far above it, stacked further up when there are several. */
const CALLOUT_RISE = 50;
const CALLOUT_STACK = 36;
/** Loops run back this far below their source's lane, in the gap under its labels. */
const LOOP_DROP = 48;

/**
 * A flowchart of one flow for people: the happy path runs straight along the top lane from the
 * flow's start; a branch or an error path opens a lane below its step (errors last, furthest
 * down) and runs straight again; a transition back to an earlier step is a loop, routed back
 * under its lane. Objects a step uses (a called flow, a data action, a queue) sit just above the
 * first step that uses them.
 *
 * Steps are placed breadth first from the start, column by column, so lanes are reused once a
 * path ends: in each column straight continuations keep their lane first, then branches take the
 * first free lane below their step. Steps the start does not reach are laid out the same way from
 * their own roots, below. O((V + E) log E) for the sorting of each column's requests.
 */
export function flowchartLayout(graph: FlowchartGraph, options: FlowchartOptions = {}): Layout {
  const { columnSpacing, laneSpacing } = { ...DEFAULTS, ...options };
  const steps = new Set(graph.nodes.filter((node) => node.kind === 'step').map((node) => node.id));
  const next = transitionsBySource(graph, steps);
  const cell = new Map<string, { column: number; lane: number }>();
  const occupied = new Map<number, Set<number>>();
  const take = (column: number, lane: number) => {
    const lanes = occupied.get(column);
    if (lanes) lanes.add(lane);
    else occupied.set(column, new Set([lane]));
  };
  const freeLane = (column: number, from: number) => {
    let lane = from;
    while (occupied.get(column)?.has(lane)) lane++;
    return lane;
  };

  const flowNode = graph.nodes.find(
    (node) => node.kind === 'flow' && graph.edges.some((edge) => edge.kind === 'contains' && edge.source === node.id),
  );
  const starts = graph.edges.filter((edge) => edge.kind === 'contains' && steps.has(edge.target)).map((edge) => edge.target);
  let firstLane = 0;
  const lay = (root: string) => {
    if (cell.has(root)) return;
    const rootLane = freeLane(1, firstLane);
    cell.set(root, { column: 1, lane: rootLane });
    take(1, rootLane);
    let frontier = [root];
    for (let column = 2; frontier.length > 0; column++) {
      const requests: { id: string; lane: number; rank: number }[] = [];
      for (const id of frontier) {
        const from = cell.get(id)!;
        next.get(id)?.forEach((edge, i) => {
          if (cell.has(edge.target)) return;
          // The first way on keeps the lane, unless it is an error path: those always go to the side.
          const straight = i === 0 && edge.role !== 'error';
          requests.push({ id: edge.target, lane: from.lane + (straight ? 0 : 1), rank: straight ? 0 : 1 + ROLE_ORDER[edge.role] });
        });
      }
      requests.sort((a, b) => a.rank - b.rank || a.lane - b.lane);
      frontier = [];
      for (const request of requests) {
        if (cell.has(request.id)) continue;
        const lane = freeLane(column, request.lane);
        cell.set(request.id, { column, lane });
        take(column, lane);
        frontier.push(request.id);
      }
    }
    for (const at of cell.values()) firstLane = Math.max(firstLane, at.lane + 1);
  };
  const entered = new Set([...next.values()].flatMap((ways) => ways.map((way) => way.target)));
  for (const start of starts) lay(start);
  for (const id of steps) if (!entered.has(id)) lay(id);
  for (const id of steps) lay(id);

  const positions: Record<string, Point> = {};
  for (const [id, at] of cell) positions[id] = { x: at.column * columnSpacing, y: at.lane * laneSpacing };
  if (flowNode) positions[flowNode.id] = { x: 0, y: starts[0] ? positions[starts[0]]!.y : 0 };

  // What steps use: above the first user, stacked when a step uses several.
  const stacked = new Map<string, number>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'uses' || positions[edge.target] || !positions[edge.source]) continue;
    const user = positions[edge.source]!;
    const height = stacked.get(edge.source) ?? 0;
    stacked.set(edge.source, height + 1);
    positions[edge.target] = { x: user.x, y: user.y - CALLOUT_RISE - height * CALLOUT_STACK };
  }
  // Anything still unplaced (a node nothing here uses) goes in a row under the rest.
  const bottom = (firstLane + 0.5) * laneSpacing;
  let spare = 0;
  for (const node of graph.nodes) if (!positions[node.id]) positions[node.id] = { x: (spare++ + 1) * columnSpacing, y: bottom };

  return normalised(positions, loopRoutes(graph, steps, positions, columnSpacing));
}

interface Way {
  target: string;
  role: TransitionRole;
}

/** Each step's ways on, one per target (parallel transitions merged, best role kept), happy first. */
function transitionsBySource(graph: FlowchartGraph, steps: ReadonlySet<string>): Map<string, Way[]> {
  const bySource = new Map<string, Map<string, TransitionRole>>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'transition' || !steps.has(edge.source) || !steps.has(edge.target) || edge.source === edge.target) continue;
    const role = transitionRole(edge.label);
    const targets = bySource.get(edge.source) ?? new Map<string, TransitionRole>();
    bySource.set(edge.source, targets);
    const seen = targets.get(edge.target);
    if (seen === undefined || ROLE_ORDER[role] < ROLE_ORDER[seen]) targets.set(edge.target, role);
  }
  const ways = new Map<string, Way[]>();
  for (const [source, targets] of bySource) {
    // Stable: equal roles keep the file's order (menu choices in their order).
    ways.set(
      source,
      [...targets].map(([target, role]) => ({ target, role })).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]),
    );
  }
  return ways;
}

/** A transition to a step not right of it is a loop: down into the gap under its lane, back, and up into the target. */
function loopRoutes(
  graph: FlowchartGraph,
  steps: ReadonlySet<string>,
  positions: Record<string, Point>,
  columnSpacing: number,
): EdgeRoute[] {
  const routes: EdgeRoute[] = [];
  const seen = new Set<string>();
  const perLane = new Map<number, number>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'transition' || !steps.has(edge.source) || !steps.has(edge.target) || edge.source === edge.target) continue;
    const source = positions[edge.source]!;
    const target = positions[edge.target]!;
    const key = `${edge.source}\n${edge.target}`;
    if (target.x > source.x || seen.has(key)) continue;
    seen.add(key);
    const nth = perLane.get(source.y) ?? 0;
    perLane.set(source.y, nth + 1);
    const y = source.y + LOOP_DROP + (nth % 3) * 6;
    const inset = columnSpacing / 5;
    routes.push({
      source: edge.source,
      target: edge.target,
      points: [
        { x: source.x + inset, y },
        { x: target.x - inset, y },
      ],
    });
  }
  return routes;
}

/** Shifted so the drawing starts at a margin from 0,0, as layeredLayout's does. */
function normalised(positions: Record<string, Point>, routes: EdgeRoute[]): Layout {
  const all = [...Object.values(positions), ...routes.flatMap((route) => route.points)];
  const minX = Math.min(...all.map((p) => p.x));
  const minY = Math.min(...all.map((p) => p.y));
  const margin = 60;
  const shift = (p: Point): Point => ({ x: p.x - minX + margin, y: p.y - minY + margin });
  const moved: Record<string, Point> = {};
  for (const [id, p] of Object.entries(positions)) moved[id] = shift(p);
  const shiftedRoutes = routes.map((route) => ({ ...route, points: route.points.map(shift) }));
  const placed = [...Object.values(moved), ...shiftedRoutes.flatMap((route) => route.points)];
  return {
    positions: moved,
    routes: shiftedRoutes,
    width: Math.max(...placed.map((p) => p.x)) + margin,
    height: Math.max(...placed.map((p) => p.y)) + margin,
  };
}

/**
 * One edge per (source, target) transition: a step whose success, failure and timeout all lead to
 * the same next step has one way on, labelled with all three and read as its best role.
 */
export function mergeParallelTransitions<E extends { source: string; target: string; kind: string; label?: string | undefined }>(
  edges: readonly E[],
): E[] {
  const merged: E[] = [];
  const byPair = new Map<string, E>();
  for (const edge of edges) {
    if (edge.kind !== 'transition') {
      merged.push(edge);
      continue;
    }
    const key = `${edge.source}\n${edge.target}`;
    const seen = byPair.get(key);
    if (!seen) {
      const copy = { ...edge };
      byPair.set(key, copy);
      merged.push(copy);
      continue;
    }
    const labels = [seen.label, edge.label].filter((label): label is string => label !== undefined && label !== '');
    // The happy path's label first: it is the one the straight line stands for.
    labels.sort((a, b) => ROLE_ORDER[transitionRole(a)] - ROLE_ORDER[transitionRole(b)]);
    if (labels.length > 0) seen.label = [...new Set(labels.join(' · ').split(' · '))].join(' · ');
  }
  return merged;
}

/** The role of a merged transition: its best label's ("success · failure" reads as happy). */
export function mergedRole(label: string | undefined): TransitionRole {
  const roles = (label ?? '').split(' · ').map(transitionRole);
  return roles.reduce((best, role) => (ROLE_ORDER[role] < ROLE_ORDER[best] ? role : best), roles[0] ?? 'happy');
}

/**
 * The flow without its error paths: transitions that are only failure or timeout paths are
 * dropped, then every step the start no longer reaches, and what only those steps used.
 */
export function withoutErrorPaths<G extends FlowchartGraph>(graph: G): G {
  const kept = graph.edges.filter((edge) => edge.kind !== 'transition' || mergedRole(edge.label) !== 'error');
  const steps = new Set(graph.nodes.filter((node) => node.kind === 'step').map((node) => node.id));
  const next = new Map<string, string[]>();
  for (const edge of kept) {
    if (edge.kind !== 'transition' || !steps.has(edge.source) || !steps.has(edge.target)) continue;
    const list = next.get(edge.source);
    if (list) list.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  const queue = kept.filter((edge) => edge.kind === 'contains' && steps.has(edge.target)).map((edge) => edge.target);
  // A flow without a marked start starts at its steps nothing leads to.
  if (queue.length === 0) {
    const entered = new Set([...next.values()].flat());
    queue.push(...[...steps].filter((id) => !entered.has(id)));
  }
  const reached = new Set(queue);
  for (let head = 0; head < queue.length; head++) {
    for (const target of next.get(queue[head]!) ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  const owners = new Set(kept.filter((edge) => edge.kind === 'contains').map((edge) => edge.source));
  const used = new Set(
    kept.filter((edge) => edge.kind === 'uses' && (reached.has(edge.source) || owners.has(edge.source))).map((edge) => edge.target),
  );
  const nodes = graph.nodes.filter((node) => (steps.has(node.id) ? reached.has(node.id) : owners.has(node.id) || used.has(node.id)));
  const ids = new Set(nodes.map((node) => node.id));
  return { ...graph, nodes, edges: kept.filter((edge) => ids.has(edge.source) && ids.has(edge.target)) };
}
