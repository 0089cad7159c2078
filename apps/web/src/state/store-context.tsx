import { createContext, type ReactNode, useCallback, useContext, useSyncExternalStore } from 'react';
import type { GraphUiStore } from './store.js';
import type { UiEvent, UiState } from './types.js';

const StoreContext = createContext<GraphUiStore | null>(null);

export function GraphUiProvider({ store, children }: { store: GraphUiStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useGraphUiStore(): GraphUiStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('No graph-UI store set, use GraphUiProvider to set one');
  return store;
}

/** The one way components read UI state; re-renders only when the selected slice changes. */
export function useGraphSelector<T>(selector: (state: UiState) => T): T {
  const store = useGraphUiStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export function useDispatch(): (event: UiEvent) => void {
  const store = useGraphUiStore();
  return useCallback((event: UiEvent) => store.dispatch(event), [store]);
}
