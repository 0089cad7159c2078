export { type CycleCut, type CycleFocus, type CycleFocusOptions, cycleFocus, cycleOf } from './cycle-focus.js';
export { nodeSlug, scopeFileName, slugOf } from './file-name.js';
export { type Focus, type FocusDirection, type FocusOptions, focus, type KindTypeCount } from './focus.js';
export { type ScopeLayoutOptions, scopeLayout } from './scope-layout.js';
export { DEFAULT_PATH_LIMIT, type FoundPath, findPaths, type PathHop, type PathOptions, type Paths } from './paths.js';
export {
  READABLE_NODE_LIMIT,
  type ScopeDiagram,
  type ScopeEdge,
  type ScopeGroupInfo,
  type ScopeGrouping,
  type ScopeKind,
  type ScopeLevel,
  type ScopeNode,
  type ScopeSide,
} from './scope.js';
