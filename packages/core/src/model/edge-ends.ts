import type { GraphEdge } from './graph.js';

/**
 * Where the ends of a graph's edges sit among its nodes, as the importer and the linker knew it:
 * for edge `i`, the positions in `graph.nodes`' iteration order of its source (`ends[2 * i]`) and
 * target (`ends[2 * i + 1]`), -1 where unknown. Indexing a 500k-step graph otherwise looks each
 * end's id up again (a Map read of a few cache misses each, on 620k edges).
 *
 * Only a hint: kept beside the edge list rather than on the graph object, so that a graph copied
 * or edited afterwards carries none or a stale one, and every reader checks a position against
 * the id before using it (a pointer compare, the very same string).
 */
const recorded = new WeakMap<readonly GraphEdge[], Int32Array>();

export function recordEdgeEnds(edges: readonly GraphEdge[], ends: Int32Array): void {
  recorded.set(edges, ends);
}

/** The recorded positions of `edges`' ends, if the list was recorded and has not grown since. */
export function recordedEdgeEnds(edges: readonly GraphEdge[]): Int32Array | undefined {
  const ends = recorded.get(edges);
  return ends !== undefined && ends.length === 2 * edges.length ? ends : undefined;
}

/**
 * Edge ends as they are collected, two positions per edge in a growable Int32Array: a number[] of
 * 1.2M would take twice the memory and be copied once more at the end, at the import's peak.
 */
export class EdgeEndList {
  private array: Int32Array;
  private size = 0;

  constructor(edges = 32) {
    this.array = new Int32Array(2 * Math.max(1, edges));
  }

  push(source: number, target: number): void {
    if (this.size + 2 > this.array.length) this.grow(this.size + 2);
    this.array[this.size++] = source;
    this.array[this.size++] = target;
  }

  /** The positions so far; shares the list's memory. */
  view(): Int32Array {
    return this.array.subarray(0, this.size);
  }

  /** Doubling while small; past 1M positions by an eighth, so that a few late edges leave little unused. */
  private grow(needed: number): void {
    const length = this.array.length;
    const grown = new Int32Array(Math.max(needed, length < 1 << 20 ? 2 * length : length + (length >> 3)));
    grown.set(this.array);
    this.array = grown;
  }
}
