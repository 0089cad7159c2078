import type { Core, EventObject, NodeSingular, SingularElementArgument, StylesheetJson } from 'cytoscape';

/**
 * Only nodes take the pointer: the canvases listen to taps on nodes and on the background, never
 * on edges (the dimming plate and hidden elements take none either). An edge under the pointer
 * (8 px either side of its line) swallowed the tap, so a click beside a line cleared nothing, and
 * Cytoscape tested every edge's path on each mouse move, press and release. Last in the sheet,
 * so no role's rule gives edges back the pointer.
 */
export function withNodeHitsOnly(sheet: StylesheetJson): StylesheetJson {
  return [...sheet, { selector: 'edge', style: { events: 'no' as const } }];
}

/** Cytoscape's draw order with the elements that take the pointer (the canvas renderer's cache). */
export type ZSortedElements = SingularElementArgument[] & { interactive: SingularElementArgument[] };

/**
 * The canvas renderer's hit test: what is under a model position (topmost node first), tested
 * on every element of `getCachedZSortedEles().interactive`. Internal to Cytoscape (3.35), so
 * `hitTesterOf` checks it is there before anything relies on it.
 */
export interface HitTester {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): SingularElementArgument[];
  getCachedZSortedEles(forceRecalc?: boolean): ZSortedElements;
}

export function hitTesterOf(cy: Core): HitTester | undefined {
  const renderer = (cy as unknown as { renderer?: () => Partial<HitTester> | null | undefined }).renderer?.();
  if (typeof renderer?.findNearestElements !== 'function' || typeof renderer.getCachedZSortedEles !== 'function') return undefined;
  return renderer as HitTester;
}

/** Grid cells of this many model units: a few nodes each (nodes are 26 wide, layers 220 apart). */
const CELL = 128;
/** Cells per axis on either side of 0 that keys tell apart (2^20 cells of 128 units: far beyond any layout). */
const CELL_RANGE = 2 ** 20;
/** On screen, beyond a node's body, where a press may still hit it: more than Cytoscape's own tolerance (2 px, 8 by touch). */
const TOLERANCE_PX = 16;

/** Points (node centres) bucketed in square cells, to list the few near a position. */
export class PointGrid<T> {
  private readonly cells = new Map<number, T[]>();
  private readonly keyOf = new Map<T, number>();

  constructor(private readonly cellSize = CELL) {}

  get size(): number {
    return this.keyOf.size;
  }

  set(item: T, x: number, y: number): void {
    this.delete(item);
    const key = this.key(Math.floor(x / this.cellSize), Math.floor(y / this.cellSize));
    const cell = this.cells.get(key);
    if (cell) cell.push(item);
    else this.cells.set(key, [item]);
    this.keyOf.set(item, key);
  }

  delete(item: T): void {
    const key = this.keyOf.get(item);
    if (key === undefined) return;
    this.keyOf.delete(item);
    const cell = this.cells.get(key) ?? [];
    cell.splice(cell.indexOf(item), 1);
    if (cell.length === 0) this.cells.delete(key);
  }

  /** Every item placed within `reach` of (x, y) on both axes, once, with others from the cells around. */
  near(x: number, y: number, reach: number, visit: (item: T) => void): void {
    const [x1, x2] = [Math.floor((x - reach) / this.cellSize), Math.floor((x + reach) / this.cellSize)];
    const [y1, y2] = [Math.floor((y - reach) / this.cellSize), Math.floor((y + reach) / this.cellSize)];
    // Far zoomed out the square covers more cells than there are points: every point, without walking empty cells.
    if ((x2 - x1 + 1) * (y2 - y1 + 1) > this.keyOf.size) {
      for (const cell of this.cells.values()) for (const item of cell) visit(item);
      return;
    }
    for (let cx = x1; cx <= x2; cx++) {
      for (let cy = y1; cy <= y2; cy++) for (const item of this.cells.get(this.key(cx, cy)) ?? []) visit(item);
    }
  }

  private key(cx: number, cy: number): number {
    return (cx + CELL_RANGE) * 2 * CELL_RANGE + (cy + CELL_RANGE);
  }
}

/**
 * Cytoscape's canvas renderer finds what is under the pointer by testing every element that takes
 * the pointer, on each mouse move, press and release: at 10,000 flows, tens of milliseconds for
 * each mouse move over the canvas. With only nodes taking the pointer (`withNodeHitsOnly`) and
 * nodes that never move, a grid of node centres names the few near the pointer, and Cytoscape's
 * own test (shapes, tolerance, draw order) runs on those alone. Its answers are the same: the
 * candidates are every node whose body, as large as the largest node's, could reach the pointer.
 * Where a canvas has more than nodes under the pointer (an edge or a label taking events,
 * compound nodes), the renderer tests everything as before. Returns the removal.
 */
export function installHitIndex(cy: Core, tester: HitTester): () => void {
  const find = tester.findNearestElements;
  const ownFind = Object.hasOwn(tester, 'findNearestElements');
  const grid = new PointGrid<NodeSingular>();
  /** Half the outer width or height of the largest node body seen: how far from its centre a node can be hit. */
  let reach = 0;
  let placed = false;
  // Draw order of what takes the pointer, as a rank: rebuilt when Cytoscape re-sorts (a new array).
  let ranked: SingularElementArgument[] | undefined;
  let rank = new Map<SingularElementArgument, number>();
  let onlyNodes = true;

  // Labels take the pointer only where a rule or a bypass says so (none of ours): checked per node as it changes.
  let labelsTakePointer = JSON.stringify((cy.style() as unknown as { json(): unknown }).json()).includes('"text-events":"yes"');
  const measure = (node: NodeSingular) => {
    // The dimming plate, as large as the graph, never takes the pointer: it would make every node a candidate.
    if (node.style('events') === 'no') return;
    reach = Math.max(reach, node.outerWidth() / 2, node.outerHeight() / 2);
  };
  const place = (node: NodeSingular) => {
    const { x, y } = node.position();
    grid.set(node, x, y);
    measure(node);
  };
  const placeAll = () => {
    if (placed || cy.destroyed()) return;
    cy.nodes().forEach(place);
    placed = true;
  };
  // Placed while the page is idle after drawing, so that the first click does not wait for it.
  const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(placeAll) : undefined;
  // Kept current from the first test on: nodes added (the level of detail's), moved, restyled (a role's wider border), removed.
  const onPlaced = (event: EventObject) => {
    if (placed && event.target.isNode()) place(event.target);
  };
  // Restyled nodes are measured at the next test, once each: a zoom restyles the landmark labels every frame.
  const restyled = new Set<NodeSingular>();
  const onStyle = (event: EventObject) => {
    if (event.target.isNode()) restyled.add(event.target);
  };
  const measureRestyled = () => {
    for (const node of restyled) {
      if (node.removed()) continue;
      if (node.style('text-events') === 'yes') labelsTakePointer = true;
      if (placed) measure(node);
    }
    restyled.clear();
  };
  const onRemove = (event: EventObject) => {
    if (event.target.isNode()) grid.delete(event.target);
  };
  cy.on('add position', onPlaced);
  cy.on('style', onStyle);
  cy.on('remove', onRemove);

  tester.findNearestElements = function (this: HitTester, x, y, interactiveOnly, isTouch) {
    if (!interactiveOnly) return find.call(this, x, y, interactiveOnly, isTouch);
    const sorted = this.getCachedZSortedEles();
    if (sorted.interactive !== ranked) {
      ranked = sorted.interactive;
      rank = new Map(ranked.map((element, index) => [element, index]));
      // A compound node's body is its children's extent, and Cytoscape then tests edges' ends too.
      onlyNodes = ranked.every((element) => element.isNode()) && cy.nodes(':parent').empty();
    }
    placeAll();
    measureRestyled();
    if (!onlyNodes || labelsTakePointer) return find.call(this, x, y, interactiveOnly, isTouch);
    const candidates: SingularElementArgument[] = [];
    grid.near(x, y, reach + TOLERANCE_PX / cy.zoom(), (node) => {
      if (rank.has(node)) candidates.push(node);
    });
    candidates.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const narrowed: ZSortedElements = Object.assign(candidates, { interactive: candidates });
    // For this one call the renderer's sorted elements are the candidates (an own property over its prototype's method).
    const ownSorted = Object.getOwnPropertyDescriptor(this, 'getCachedZSortedEles');
    this.getCachedZSortedEles = () => narrowed;
    try {
      return find.call(this, x, y, interactiveOnly, isTouch);
    } finally {
      if (ownSorted) Object.defineProperty(this, 'getCachedZSortedEles', ownSorted);
      else delete (this as Partial<HitTester>).getCachedZSortedEles;
    }
  };

  return () => {
    if (idle !== undefined) cancelIdleCallback(idle);
    cy.off('add position', onPlaced);
    cy.off('style', onStyle);
    cy.off('remove', onRemove);
    if (ownFind) tester.findNearestElements = find;
    else delete (tester as Partial<HitTester>).findNearestElements;
  };
}
