import { describe, expect, it } from 'vitest';
import { fromSearchParams, toSearchParams } from '../src/state/url-state.js';
import { initialUiState, type UiState } from '../src/state/types.js';

describe('[U] url state', () => {
  it('round-trips every field through the URL', () => {
    const states: UiState[] = [
      initialUiState,
      {
        mode: { kind: 'selected', nodeId: 'flow:Main IVR & Co' },
        filters: { hiddenKinds: ['resource'], hiddenTypes: ['DATATABLE', 'QUEUE'], cyclesOnly: true },
        policy: { targetVersion: '2.1', allowedStatus: ['approved', 'published'], strict: true },
        openFlow: 'flow-123',
      },
      { ...initialUiState, mode: { kind: 'cycle', key: 'flow-a' } },
      { ...initialUiState, mode: { kind: 'search', query: 'billing' } },
    ];
    for (const state of states) {
      const url = `?${toSearchParams(state).toString()}`;
      expect(fromSearchParams(new URLSearchParams(url))).toEqual(state);
    }
  });

  it('writes nothing for the default view', () => {
    expect(toSearchParams(initialUiState).toString()).toBe('');
  });

  it('ignores unknown or malformed values', () => {
    const state = fromSearchParams(new URLSearchParams('hideKinds=flow,planet&cyclesOnly=yes&q=%20&flow=&select='));
    expect(state.filters.hiddenKinds).toEqual(['flow']);
    expect(state.filters.cyclesOnly).toBe(false);
    expect(state.mode).toEqual({ kind: 'idle' });
    expect(state.openFlow).toBeNull();
  });
});
