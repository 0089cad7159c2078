import { describe, expect, it } from 'vitest';
import { reduce } from '../src/state/reducer.js';
import { createGraphUiStore } from '../src/state/store.js';
import { focusOn, initialUiState, type UiEvent, type UiState } from '../src/state/types.js';

const run = (events: UiEvent[], from: UiState = initialUiState) => events.reduce(reduce, from);

describe('[U] graph-UI reducer', () => {
  it('moves between modes, one value at a time', () => {
    expect(run([{ type: 'selectNode', id: 'flow-a' }]).mode).toEqual({ kind: 'selected', nodeId: 'flow-a' });
    expect(
      run([
        { type: 'selectNode', id: 'flow-a' },
        { type: 'selectCycle', key: 'flow-b' },
      ]).mode,
    ).toEqual({ kind: 'cycle', key: 'flow-b' });
    expect(
      run([
        { type: 'selectCycle', key: 'x' },
        { type: 'search', query: 'main' },
      ]).mode,
    ).toEqual({ kind: 'search', query: 'main' });
  });

  it('leaves search mode when the box is emptied, but an empty query does not end a selection', () => {
    expect(
      run([
        { type: 'search', query: 'ma' },
        { type: 'search', query: '  ' },
      ]).mode,
    ).toEqual({ kind: 'idle' });
    expect(
      run([
        { type: 'selectNode', id: 'n' },
        { type: 'search', query: '' },
      ]).mode,
    ).toEqual({ kind: 'selected', nodeId: 'n' });
  });

  it('Esc closes the step view first, then clears the selection, keeping filters', () => {
    const open = run([
      { type: 'toggleKind', kind: 'resource' },
      { type: 'selectNode', id: 'n' },
      { type: 'openFlow', id: 'n' },
    ]);
    const once = reduce(open, { type: 'clear' });
    expect(once.openFlow).toBeNull();
    expect(once.mode.kind).toBe('selected');
    const twice = reduce(once, { type: 'clear' });
    expect(twice.mode).toEqual({ kind: 'idle' });
    expect(twice.filters.hiddenKinds).toEqual(['resource']);
  });

  it('toggles kinds and hides or shows a category of types together', () => {
    const state = run([
      { type: 'toggleKind', kind: 'flow' },
      { type: 'toggleKind', kind: 'resource' },
      { type: 'toggleKind', kind: 'flow' },
      { type: 'setTypesHidden', types: ['QUEUE', 'ACDSKILL'], hidden: true },
      { type: 'setTypesHidden', types: ['DATATABLE'], hidden: true },
      { type: 'setTypesHidden', types: ['QUEUE', 'ACDSKILL'], hidden: false },
    ]);
    expect(state.filters.hiddenKinds).toEqual(['resource']);
    expect(state.filters.hiddenTypes).toEqual(['DATATABLE']);
  });

  it('opens, changes and closes a scoped view; Esc closes it before the step view and the selection', () => {
    const open = run([
      { type: 'selectNode', id: 'n' },
      { type: 'openFlow', id: 'f' },
      { type: 'openScope', scope: focusOn('s', 'f') },
      { type: 'setFocus', settings: { depth: 'all', direction: 'up' } },
      { type: 'setPathOptions', all: true, limit: 3 },
    ]);
    expect(open.scope).toEqual({ ...focusOn('s', 'f'), depth: 'all', direction: 'up' });
    const once = reduce(open, { type: 'clear' });
    expect(once.scope).toBeNull();
    expect(once.openFlow).toBe('f');
    expect(reduce(once, { type: 'clear' }).mode).toEqual({ kind: 'selected', nodeId: 'n' });

    const path = run([
      { type: 'openScope', scope: { kind: 'path', from: 'a', to: 'b', all: false, limit: 20 } },
      { type: 'setPathOptions', all: true, limit: 5 },
      { type: 'setFocus', settings: { depth: 1 } },
    ]);
    expect(path.scope).toEqual({ kind: 'path', from: 'a', to: 'b', all: true, limit: 5 });
    // Opening a flow's steps from a diagram replaces the diagram; Back brings it back.
    expect(reduce(path, { type: 'openFlow', id: 'f' }).scope).toBeNull();
    expect(reduce(initialUiState, { type: 'closeScope' })).toBe(initialUiState);
  });

  it('merges policy changes', () => {
    const state = run([
      { type: 'setPolicy', policy: { targetVersion: '3.0' } },
      { type: 'setPolicy', policy: { allowedStatus: ['published'] } },
    ]);
    expect(state.policy).toEqual({ targetVersion: '3.0', allowedStatus: ['published'], strict: false });
  });
});

describe('[U] graph-UI store', () => {
  it('notifies subscribers on change only, and stops after unsubscribe', () => {
    const store = createGraphUiStore(initialUiState);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.dispatch({ type: 'selectNode', id: 'a' });
    store.dispatch({ type: 'search', query: '' }); // no change: no notification
    expect(calls).toBe(1);
    unsubscribe();
    store.dispatch({ type: 'clear' });
    expect(calls).toBe(1);
    expect(store.getState().mode).toEqual({ kind: 'idle' });
  });
});
