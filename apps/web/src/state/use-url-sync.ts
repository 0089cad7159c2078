import { useEffect } from 'react';
import type { GraphUiStore } from './store.js';
import { fromSearchParams, toSearchParams } from './url-state.js';

/**
 * Keeps the address bar in step with the UI state (replaceState, so a click does not add a
 * history entry), and takes the state back from the URL on back/forward.
 */
export function useUrlSync(store: GraphUiStore): void {
  useEffect(() => {
    const write = () => {
      const query = toSearchParams(store.getState()).toString();
      const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
      if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', next);
    };
    const read = () => store.dispatch({ type: 'restore', state: fromSearchParams(new URLSearchParams(window.location.search)) });
    write();
    const unsubscribe = store.subscribe(write);
    window.addEventListener('popstate', read);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', read);
    };
  }, [store]);
}
