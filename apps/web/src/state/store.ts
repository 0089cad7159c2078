import { reduce } from './reducer.js';
import type { UiEvent, UiState } from './types.js';

type Listener = () => void;

/**
 * A framework-free store with TanStack's Subscribable contract: `subscribe` returns its
 * unsubscribe. React reads it through `useGraphSelector` (useSyncExternalStore).
 */
export interface GraphUiStore {
  getState(): UiState;
  dispatch(event: UiEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createGraphUiStore(initial: UiState): GraphUiStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(event) {
      const next = reduce(state, event);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
