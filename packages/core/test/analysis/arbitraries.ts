import fc from 'fast-check';

/** A random directed graph of 1..12 nodes as index pairs, self-loops and parallel edges included. */
export const smallGraph = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 30 })),
  );
