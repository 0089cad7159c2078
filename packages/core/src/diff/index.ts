export { type AlignedGraph, alignIds, type IdMatch } from './align.js';
export { cycleKey, type DiffOptions, type DiffSide, diffGraphs } from './diff-graphs.js';
export type * from './types.js';
