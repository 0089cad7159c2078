export {
  type FlowchartGraph,
  type FlowchartOptions,
  flowchartLayout,
  mergedRole,
  mergeParallelTransitions,
  type TransitionRole,
  transitionRole,
  withoutErrorPaths,
} from './flowchart.js';
export { layeredLayout } from './layered-layout.js';
export { DEFAULT_LAYOUT_OPTIONS } from './types.js';
export type { EdgeRoute, LayeredLayoutOptions, Layout, LayoutGraph, Point } from './types.js';
