/**
 * The graph-UI state: client state only (server data lives in react-query).
 * "What are we doing" is one value, `mode`, never a set of booleans that can disagree.
 */
export type Mode =
  | { kind: 'idle' }
  /** A node is selected: its impact (upstream and downstream) is shown. */
  | { kind: 'selected'; nodeId: string }
  /** A cycle is focused; `key` is its first (smallest) member id, unique because components are disjoint. */
  | { kind: 'cycle'; key: string }
  /** The search box has text: matches are highlighted, the rest faded. */
  | { kind: 'search'; query: string };

export type NodeKindFilter = 'flow' | 'resource';

export interface Filters {
  hiddenKinds: NodeKindFilter[];
  /** Flow types (INBOUNDCALL, ...) and resource types (DATAACTION, ...) that are hidden. */
  hiddenTypes: string[];
  /** Show only nodes that lie on a cycle. */
  cyclesOnly: boolean;
}

/** Version policy inputs; they change the server's analysis, so they are part of the graph query key. */
export interface Policy {
  targetVersion: string;
  allowedStatus: string[];
  strict: boolean;
}

export type FocusDirection = 'up' | 'down' | 'both';
export type ScopeNodeKind = 'flow' | 'resource' | 'step';

/** What a focus view shows around its node (the controls of the focus view; core FocusOptions). */
export interface FocusSettings {
  node: string;
  /** For a step: its flow, whose step graph the hops are counted in. */
  inFlow: string | null;
  depth: number | 'all';
  direction: FocusDirection;
  flowsOnly: boolean;
  /** Kinds and resource types left out of the picture (the traversal still goes through them). */
  hiddenKinds: ScopeNodeKind[];
  hiddenTypes: string[];
  /** Resource types drawn as one counted node each. */
  collapse: string[];
  /** Fold the largest crowds when more than 150 nodes would be drawn (on unless turned off). */
  group: boolean;
}

/**
 * A scoped diagram over the org view: one node's neighbourhood, one cycle with its callers and
 * callees, or the paths between two nodes. Each is its own page in the browser history.
 */
export type FocusView = { kind: 'focus' } & FocusSettings;

export type ScopeView =
  | FocusView
  | { kind: 'cycle'; member: string; inFlow: string | null }
  | { kind: 'path'; from: string; to: string; all: boolean; limit: number };

export const DEFAULT_FOCUS_DEPTH = 2;
export const DEFAULT_PATH_LIMIT = 20;

/** A focus on `node` with the default settings. */
export function focusOn(node: string, inFlow: string | null = null): FocusView {
  return {
    kind: 'focus',
    node,
    inFlow,
    depth: DEFAULT_FOCUS_DEPTH,
    direction: 'both',
    flowsOnly: false,
    hiddenKinds: [],
    hiddenTypes: [],
    collapse: [],
    group: true,
  };
}

export interface UiState {
  mode: Mode;
  filters: Filters;
  policy: Policy;
  /** The flow whose step graph is open in the second view, if any. */
  openFlow: string | null;
  /** The scoped diagram open above everything, if any. */
  scope: ScopeView | null;
}

export type UiEvent =
  | { type: 'selectNode'; id: string }
  | { type: 'selectCycle'; key: string }
  | { type: 'search'; query: string }
  | { type: 'clear' }
  | { type: 'toggleKind'; kind: NodeKindFilter }
  /** Legend entries cover several types (a category); they are shown or hidden together. */
  | { type: 'setTypesHidden'; types: string[]; hidden: boolean }
  | { type: 'setCyclesOnly'; value: boolean }
  | { type: 'setPolicy'; policy: Partial<Policy> }
  | { type: 'openFlow'; id: string }
  | { type: 'closeFlow' }
  | { type: 'openScope'; scope: ScopeView }
  /** Changes the open focus view's settings (depth, direction, filters); nothing when no focus is open. */
  | { type: 'setFocus'; settings: Partial<Omit<FocusSettings, 'node' | 'inFlow'>> }
  | { type: 'setPathOptions'; all: boolean; limit: number }
  | { type: 'closeScope' }
  /** Back/forward navigation or a deep link: take the whole state from the URL. */
  | { type: 'restore'; state: UiState };

export const initialUiState: UiState = {
  mode: { kind: 'idle' },
  filters: { hiddenKinds: [], hiddenTypes: [], cyclesOnly: false },
  policy: { targetVersion: '', allowedStatus: [], strict: false },
  openFlow: null,
  scope: null,
};
