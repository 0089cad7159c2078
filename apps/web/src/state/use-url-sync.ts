import { useEffect } from 'react';
import type { GraphUiStore } from './store.js';
import type { UiEvent } from './types.js';
import { fromSearchParams, pageOf, toSearchParams } from './url-state.js';

/** Marks the history entries the page pushed, so its own Back buttons know a Back stays in the app. */
interface PushedEntry {
  flowgraphPushed: true;
}

function isPushedEntry(state: unknown): state is PushedEntry {
  return typeof state === 'object' && state !== null && (state as Partial<PushedEntry>).flowgraphPushed === true;
}

/**
 * Keeps the address bar in step with the UI state and takes the state back from the URL on
 * back/forward. Opening another page (a focus, a cycle, a path, a flow's steps) pushes a history
 * entry, so the browser's Back returns to the view it came from with the selection it had; every
 * other change (a click, a filter, the focus depth) replaces the current entry.
 */
export function useUrlSync(store: GraphUiStore): void {
  useEffect(() => {
    let page = pageOf(store.getState());
    // Back/forward: the entry is already the one to show; writing it again must not push.
    let restoring = false;
    const write = () => {
      const state = store.getState();
      const query = toSearchParams(state).toString();
      const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
      const nextPage = pageOf(state);
      // Closing a view without Back (a deep link has nothing to go back to) replaces, never pushes.
      if (!restoring && nextPage !== page && nextPage !== '')
        window.history.pushState({ flowgraphPushed: true } satisfies PushedEntry, '', next);
      else if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, '', next);
      page = nextPage;
    };
    const read = () => {
      restoring = true;
      try {
        store.dispatch({ type: 'restore', state: fromSearchParams(new URLSearchParams(window.location.search)) });
      } finally {
        restoring = false;
      }
      page = pageOf(store.getState());
    };
    write();
    const unsubscribe = store.subscribe(write);
    window.addEventListener('popstate', read);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', read);
    };
  }, [store]);
}

/**
 * A view's own Back button: the browser's Back when the page pushed this entry (so Back and the
 * button agree), else the closing event (a deep link opened this view).
 */
export function leaveView(dispatch: (event: UiEvent) => void, close: UiEvent): void {
  if (isPushedEntry(window.history.state)) window.history.back();
  else dispatch(close);
}
