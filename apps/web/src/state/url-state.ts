import {
  DEFAULT_FOCUS_DEPTH,
  DEFAULT_PATH_LIMIT,
  type FocusDirection,
  focusOn,
  initialUiState,
  type Mode,
  type NodeKindFilter,
  type ScopeNodeKind,
  type ScopeView,
  type UiState,
} from './types.js';

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
  if (state.scope !== null) writeScope(params, state.scope);
  return params;
}

/**
 * A scoped diagram: `view=focus|cycle|path` and its own parameters, after the org view's, so
 * Back (the org view's URL) keeps the selection and filters it had.
 */
function writeScope(params: URLSearchParams, scope: ScopeView): void {
  params.set('view', scope.kind);
  if (scope.kind === 'path') {
    params.set('from', scope.from);
    params.set('to', scope.to);
    if (scope.all) params.set('all', '1');
    if (scope.limit !== DEFAULT_PATH_LIMIT) params.set('limit', String(scope.limit));
    return;
  }
  params.set('node', scope.kind === 'focus' ? scope.node : scope.member);
  if (scope.inFlow !== null) params.set('inFlow', scope.inFlow);
  if (scope.kind !== 'focus') return;
  if (scope.depth !== DEFAULT_FOCUS_DEPTH) params.set('depth', String(scope.depth));
  if (scope.direction !== 'both') params.set('direction', scope.direction);
  if (scope.flowsOnly) params.set('flowsOnly', '1');
  if (scope.hiddenKinds.length > 0) params.set('focusHideKinds', scope.hiddenKinds.join(','));
  if (scope.hiddenTypes.length > 0) params.set('focusHideTypes', scope.hiddenTypes.join(','));
  if (scope.collapse.length > 0) params.set('collapse', scope.collapse.join(','));
  if (!scope.group) params.set('group', '0');
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
const SCOPE_KINDS: readonly ScopeNodeKind[] = ['flow', 'resource', 'step'];
const DIRECTIONS: readonly FocusDirection[] = ['up', 'down', 'both'];
/** The depths the focus view offers; a deep link with another whole number is kept as written. */
const MAX_DEPTH = 1000;

function depthFrom(text: string | null): number | 'all' {
  if (text === 'all') return 'all';
  const depth = Number(text);
  return Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH ? depth : DEFAULT_FOCUS_DEPTH;
}

function limitFrom(text: string | null): number {
  const limit = Number(text);
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_DEPTH ? limit : DEFAULT_PATH_LIMIT;
}

function scopeFrom(params: URLSearchParams): ScopeView | null {
  const view = params.get('view');
  const inFlow = params.get('inFlow') || null;
  if (view === 'path') {
    const from = params.get('from');
    const to = params.get('to');
    if (!from || !to) return null;
    return { kind: 'path', from, to, all: params.get('all') === '1', limit: limitFrom(params.get('limit')) };
  }
  const node = params.get('node');
  if (!node) return null;
  if (view === 'cycle') return { kind: 'cycle', member: node, inFlow };
  if (view !== 'focus') return null;
  const direction = params.get('direction');
  return {
    ...focusOn(node, inFlow),
    depth: depthFrom(params.get('depth')),
    direction: DIRECTIONS.find((known) => known === direction) ?? 'both',
    flowsOnly: params.get('flowsOnly') === '1',
    hiddenKinds: list(params, 'focusHideKinds').filter((kind): kind is ScopeNodeKind => (SCOPE_KINDS as readonly string[]).includes(kind)),
    hiddenTypes: list(params, 'focusHideTypes'),
    collapse: list(params, 'collapse'),
    group: params.get('group') !== '0',
  };
}

/**
 * Which page of the browser history a state is: the org view, a flow's steps, or one scoped
 * diagram of one subject. Settings of the same diagram (depth, filters) are not a new page.
 */
export function pageOf(state: UiState): string {
  const { scope } = state;
  const flow = state.openFlow ?? '';
  if (scope === null) return flow === '' ? '' : `steps\u0000${flow}`;
  if (scope.kind === 'path') return `path\u0000${scope.from}\u0000${scope.to}`;
  return `${scope.kind}\u0000${scope.kind === 'focus' ? scope.node : scope.member}\u0000${scope.inFlow ?? ''}\u0000${flow}`;
}

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
    scope: scopeFrom(params),
  };
}
