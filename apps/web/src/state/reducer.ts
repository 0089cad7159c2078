import type { UiEvent, UiState } from './types.js';

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value].sort();
}

/** Pure transition function: every way the UI state changes is one case here. */
export function reduce(state: UiState, event: UiEvent): UiState {
  switch (event.type) {
    case 'selectNode':
      return { ...state, mode: { kind: 'selected', nodeId: event.id } };
    case 'selectCycle':
      return { ...state, mode: { kind: 'cycle', key: event.key } };
    case 'search': {
      // Emptying the box leaves search mode; it never leaves a stale "search" with no query.
      if (event.query.trim() === '') return state.mode.kind === 'search' ? { ...state, mode: { kind: 'idle' } } : state;
      return { ...state, mode: { kind: 'search', query: event.query } };
    }
    case 'clear':
      // Esc first closes a scoped diagram, then the step view, then clears the selection.
      if (state.scope !== null) return { ...state, scope: null };
      if (state.openFlow !== null) return { ...state, openFlow: null };
      return { ...state, mode: { kind: 'idle' } };
    case 'toggleKind':
      return { ...state, filters: { ...state.filters, hiddenKinds: toggle(state.filters.hiddenKinds, event.kind) } };
    case 'setTypesHidden': {
      const rest = state.filters.hiddenTypes.filter((type) => !event.types.includes(type));
      const hiddenTypes = event.hidden ? [...rest, ...event.types].sort() : rest;
      return { ...state, filters: { ...state.filters, hiddenTypes } };
    }
    case 'setCyclesOnly':
      return { ...state, filters: { ...state.filters, cyclesOnly: event.value } };
    case 'setPolicy':
      return { ...state, policy: { ...state.policy, ...event.policy } };
    case 'openFlow':
      // A flow's steps replace a scoped diagram on screen; Back brings the diagram back.
      return { ...state, openFlow: event.id, scope: null };
    case 'closeFlow':
      return { ...state, openFlow: null };
    case 'openScope':
      return { ...state, scope: event.scope };
    case 'setFocus':
      return state.scope?.kind === 'focus' ? { ...state, scope: { ...state.scope, ...event.settings } } : state;
    case 'setPathOptions':
      return state.scope?.kind === 'path' ? { ...state, scope: { ...state.scope, all: event.all, limit: event.limit } } : state;
    case 'closeScope':
      return state.scope === null ? state : { ...state, scope: null };
    case 'restore':
      return event.state;
  }
}
