import { initialUiState, type Mode, type NodeKindFilter, type UiState } from './types.js';

/**
 * The one mapping between UI state and the URL, so a copied link reopens the same view.
 * Only non-default values are written, so a plain link stays plain.
 */
export function toSearchParams(state: UiState): URLSearchParams {
  const params = new URLSearchParams();
  const { mode, filters, policy } = state;
  if (mode.kind === 'selected') params.set('select', mode.nodeId);
  if (mode.kind === 'cycle') params.set('cycle', mode.key);
  if (mode.kind === 'search') params.set('q', mode.query);
  if (filters.hiddenKinds.length > 0) params.set('hideKinds', filters.hiddenKinds.join(','));
  if (filters.hiddenTypes.length > 0) params.set('hideTypes', filters.hiddenTypes.join(','));
  if (filters.cyclesOnly) params.set('cyclesOnly', '1');
  if (policy.targetVersion !== '') params.set('targetVersion', policy.targetVersion);
  if (policy.allowedStatus.length > 0) params.set('allowedStatus', policy.allowedStatus.join(','));
  if (policy.strict) params.set('strict', '1');
  if (state.openFlow !== null) params.set('flow', state.openFlow);
  return params;
}

function list(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .sort();
}

function modeFrom(params: URLSearchParams): Mode {
  const select = params.get('select');
  if (select) return { kind: 'selected', nodeId: select };
  const cycle = params.get('cycle');
  if (cycle) return { kind: 'cycle', key: cycle };
  const query = params.get('q');
  if (query?.trim()) return { kind: 'search', query };
  return { kind: 'idle' };
}

const KINDS: readonly NodeKindFilter[] = ['flow', 'resource'];

/** Reads what `toSearchParams` wrote; anything unknown or malformed falls back to the default. */
export function fromSearchParams(params: URLSearchParams): UiState {
  return {
    mode: modeFrom(params),
    filters: {
      hiddenKinds: list(params, 'hideKinds').filter((kind): kind is NodeKindFilter => (KINDS as readonly string[]).includes(kind)),
      hiddenTypes: list(params, 'hideTypes'),
      cyclesOnly: params.get('cyclesOnly') === '1',
    },
    policy: {
      targetVersion: params.get('targetVersion')?.trim() ?? initialUiState.policy.targetVersion,
      allowedStatus: list(params, 'allowedStatus'),
      strict: params.get('strict') === '1',
    },
    openFlow: params.get('flow') || null,
  };
}
