/**
 * Brute-force answers for graphs of a dozen nodes, to check the linear algorithms against:
 * Floyd-Warshall distances (with dist[i][i] = 0) and everything derived from them.
 */
export const UNREACHABLE = Number.POSITIVE_INFINITY;

export function distances(n: number, pairs: readonly (readonly [number, number])[]): number[][] {
  const dist = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : UNREACHABLE)));
  for (const [a, b] of pairs) if (a !== b) (dist[a] as number[])[b] = 1;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const through = at(dist, i, k) + at(dist, k, j);
        if (through < at(dist, i, j)) (dist[i] as number[])[j] = through;
      }
    }
  }
  return dist;
}

export function at(matrix: readonly (readonly number[])[], i: number, j: number): number {
  return (matrix[i] as readonly number[])[j] as number;
}

export function mutuallyReachable(dist: readonly (readonly number[])[], i: number, j: number): boolean {
  return at(dist, i, j) < UNREACHABLE && at(dist, j, i) < UNREACHABLE;
}

/** The components as sorted index lists, each sorted, by mutual reachability. */
export function componentsOf(dist: readonly (readonly number[])[]): number[][] {
  const n = dist.length;
  const seen = new Set<number>();
  const components: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (seen.has(i)) continue;
    const members = [];
    for (let j = 0; j < n; j++) if (mutuallyReachable(dist, i, j)) members.push(j);
    for (const member of members) seen.add(member);
    components.push(members);
  }
  return components;
}

/** Length of the shortest cycle among `members` (a component), or undefined when it has none. */
export function shortestCycleLength(
  dist: readonly (readonly number[])[],
  pairs: readonly (readonly [number, number])[],
  members: readonly number[],
): number | undefined {
  const inside = new Set(members);
  let best: number | undefined;
  for (const [a, b] of pairs) {
    if (!inside.has(a) || !inside.has(b)) continue;
    const length = a === b ? 1 : at(dist, b, a) + 1;
    if (best === undefined || length < best) best = length;
  }
  return best;
}
