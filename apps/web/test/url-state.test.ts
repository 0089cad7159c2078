import { describe, expect, it } from 'vitest';
import { fromSearchParams, pageOf, toSearchParams } from '../src/state/url-state.js';
import { focusOn, initialUiState, type UiState } from '../src/state/types.js';

describe('[U] url state', () => {
  it('round-trips every field through the URL', () => {
    const states: UiState[] = [
      initialUiState,
      {
        mode: { kind: 'selected', nodeId: 'flow:Main IVR & Co' },
        filters: { hiddenKinds: ['resource'], hiddenTypes: ['DATATABLE', 'QUEUE'], cyclesOnly: true },
        policy: { targetVersion: '2.1', allowedStatus: ['approved', 'published'], strict: true },
        openFlow: 'flow-123',
        scope: null,
      },
      { ...initialUiState, mode: { kind: 'cycle', key: 'flow-a' } },
      { ...initialUiState, mode: { kind: 'search', query: 'billing' } },
      { ...initialUiState, mode: { kind: 'selected', nodeId: 'm' }, scope: focusOn('m') },
      {
        ...initialUiState,
        scope: {
          ...focusOn('step:7', 'flow:1'),
          depth: 'all',
          direction: 'down',
          flowsOnly: true,
          hiddenKinds: ['resource'],
          hiddenTypes: ['PROMPT', 'QUEUE'],
          collapse: ['DATAACTION'],
          group: false,
        },
      },
      { ...initialUiState, openFlow: 'flow-9', scope: { kind: 'cycle', member: 'a', inFlow: 'flow-9' } },
      { ...initialUiState, scope: { kind: 'path', from: 'a b', to: 'c&d', all: true, limit: 5 } },
    ];
    for (const state of states) {
      const url = `?${toSearchParams(state).toString()}`;
      expect(fromSearchParams(new URLSearchParams(url))).toEqual(state);
    }
  });

  it('writes nothing for the default view', () => {
    expect(toSearchParams(initialUiState).toString()).toBe('');
  });

  it('keeps the org view parameters beside a scoped view, so Back has the selection', () => {
    const params = toSearchParams({ ...initialUiState, mode: { kind: 'selected', nodeId: 'm' }, scope: { ...focusOn('m'), depth: 3 } });
    expect(params.toString()).toBe('select=m&view=focus&node=m&depth=3');
  });

  it('treats a malformed scope as no scope, and bad settings as defaults', () => {
    expect(fromSearchParams(new URLSearchParams('view=focus')).scope).toBeNull();
    expect(fromSearchParams(new URLSearchParams('view=path&from=a')).scope).toBeNull();
    expect(fromSearchParams(new URLSearchParams('view=planet&node=a')).scope).toBeNull();
    expect(fromSearchParams(new URLSearchParams('view=focus&node=a&depth=0&direction=sideways&focusHideKinds=rock'))?.scope).toEqual(
      focusOn('a'),
    );
    expect(fromSearchParams(new URLSearchParams('view=path&from=a&to=b&limit=-3')).scope).toEqual({
      kind: 'path',
      from: 'a',
      to: 'b',
      all: false,
      limit: 20,
    });
  });

  it('names pages so that a new view is a new history entry and its settings are not', () => {
    const focus = { ...initialUiState, scope: focusOn('m') };
    expect(pageOf(initialUiState)).toBe('');
    expect(pageOf({ ...focus, scope: { ...focusOn('m'), depth: 4, flowsOnly: true } })).toBe(pageOf(focus));
    expect(pageOf({ ...focus, scope: focusOn('n') })).not.toBe(pageOf(focus));
    expect(pageOf({ ...initialUiState, scope: { kind: 'cycle', member: 'm', inFlow: null } })).not.toBe(pageOf(focus));
    const path = { ...initialUiState, scope: { kind: 'path', from: 'a', to: 'b', all: false, limit: 20 } } satisfies UiState;
    expect(pageOf({ ...path, scope: { ...path.scope, all: true } })).toBe(pageOf(path));
    expect(pageOf({ ...path, scope: { ...path.scope, from: 'b', to: 'a' } })).not.toBe(pageOf(path));
    expect(pageOf({ ...initialUiState, openFlow: 'f' })).not.toBe('');
    expect(pageOf({ ...initialUiState, mode: { kind: 'selected', nodeId: 'x' } })).toBe('');
  });

  it('ignores unknown or malformed values', () => {
    const state = fromSearchParams(new URLSearchParams('hideKinds=flow,planet&cyclesOnly=yes&q=%20&flow=&select='));
    expect(state.filters.hiddenKinds).toEqual(['flow']);
    expect(state.filters.cyclesOnly).toBe(false);
    expect(state.mode).toEqual({ kind: 'idle' });
    expect(state.openFlow).toBeNull();
  });
});
