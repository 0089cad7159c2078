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

export interface UiState {
  mode: Mode;
  filters: Filters;
  policy: Policy;
  /** The flow whose step graph is open in the second view, if any. */
  openFlow: string | null;
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
  /** Back/forward navigation or a deep link: take the whole state from the URL. */
  | { type: 'restore'; state: UiState };

export const initialUiState: UiState = {
  mode: { kind: 'idle' },
  filters: { hiddenKinds: [], hiddenTypes: [], cyclesOnly: false },
  policy: { targetVersion: '', allowedStatus: [], strict: false },
  openFlow: null,
};
