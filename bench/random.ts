/** mulberry32: a tiny seeded PRNG, so the same seed always writes the same org (comparable runs). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}

/** A UUID-shaped id from the seeded stream: real flow ids are UUIDs, and importers must not rely on short ids. */
export function randomUuid(random: () => number): string {
  let hex = '';
  for (let index = 0; index < 32; index++) hex += randomInt(random, 16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
