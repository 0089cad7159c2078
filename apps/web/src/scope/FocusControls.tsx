import type { ReactNode } from 'react';
import type { FocusAnswer } from '@flowgraph/core';
import { useDispatch } from '../state/store-context.js';
import type { FocusDirection, FocusSettings, ScopeNodeKind } from '../state/types.js';

const DEPTHS: readonly (number | 'all')[] = [1, 2, 3, 4, 5, 'all'];
const DIRECTIONS: readonly { value: FocusDirection; label: string; title: string }[] = [
  { value: 'up', label: '← Used by', title: 'Upstream: what breaks if it changes' },
  { value: 'both', label: 'Both', title: 'Upstream and downstream' },
  { value: 'down', label: 'Depends on →', title: 'Downstream: what it reaches' },
];
const KIND_LABELS: Readonly<Record<ScopeNodeKind, string>> = { flow: 'Flows', resource: 'Resources', step: 'Steps' };

interface TypeCount {
  type: string;
  /** Reached by the traversal, shown or not. */
  count: number;
}

/** Resource types the focus reached, shown, hidden or collapsed, with how many of each. */
function reachedResourceTypes(focus: FocusAnswer, settings: FocusSettings): TypeCount[] {
  const counts = new Map<string, number>();
  for (const node of focus.nodes) {
    if (node.kind !== 'resource' || node.side === 'self') continue;
    counts.set(node.type, (counts.get(node.type) ?? 0) + (node.group?.count ?? 1));
  }
  for (const hidden of focus.hidden) if (hidden.kind === 'resource') counts.set(hidden.type, (counts.get(hidden.type) ?? 0) + hidden.count);
  // A type hidden earlier may be out of this answer's counts (flows only): keep it listed to show it again.
  for (const type of settings.hiddenTypes) if (!counts.has(type)) counts.set(type, 0);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

function toggled(list: readonly string[], value: string, on: boolean): string[] {
  const rest = list.filter((item) => item !== value);
  return on ? [...rest, value].sort() : rest;
}

interface Props {
  focus: FocusAnswer | undefined;
  settings: FocusSettings;
  /** What the focus shows, beside the controls that change it (one row, so the diagram keeps the height). */
  children?: ReactNode;
}

/** Depth, direction, what is shown and what is folded: each change re-asks /api/focus and stays in the URL. */
export function FocusControls({ focus, settings, children }: Props) {
  const dispatch = useDispatch();
  const set = (change: Partial<FocusSettings>) => dispatch({ type: 'setFocus', settings: change });
  const kinds: ScopeNodeKind[] = focus?.level === 'steps' ? ['step', 'flow', 'resource'] : ['flow', 'resource'];
  const types = focus ? reachedResourceTypes(focus, settings) : [];
  const resourcesShown = !settings.flowsOnly && !settings.hiddenKinds.includes('resource');

  return (
    <div className="scope-controls" data-testid="focus-controls">
      <label className="control">
        Depth
        <select
          data-testid="focus-depth"
          value={String(settings.depth)}
          onChange={(event) => set({ depth: event.target.value === 'all' ? 'all' : Number(event.target.value) })}
        >
          {DEPTHS.map((depth) => (
            <option key={depth} value={String(depth)}>
              {depth === 'all' ? 'all' : `${depth} hop${depth === 1 ? '' : 's'}`}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="segmented" aria-label="Direction">
        {DIRECTIONS.map((direction) => (
          <button
            key={direction.value}
            type="button"
            title={direction.title}
            data-testid={`focus-direction-${direction.value}`}
            aria-pressed={settings.direction === direction.value}
            onClick={() => set({ direction: direction.value })}
          >
            {direction.label}
          </button>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          data-testid="focus-flows-only"
          checked={settings.flowsOnly}
          onChange={(event) => set({ flowsOnly: event.target.checked })}
        />
        Flows only
      </label>
      {kinds.map((kind) => (
        <label key={kind} className="check">
          <input
            type="checkbox"
            data-testid={`focus-kind-${kind}`}
            checked={!settings.hiddenKinds.includes(kind)}
            disabled={settings.flowsOnly && kind === 'resource'}
            onChange={(event) => set({ hiddenKinds: toggled(settings.hiddenKinds, kind, !event.target.checked) as ScopeNodeKind[] })}
          />
          {KIND_LABELS[kind]}
        </label>
      ))}
      {types.length > 0 && (
        <details className="types-menu" data-testid="focus-types">
          <summary className="button">Resource types ({types.length})</summary>
          <table>
            <thead>
              <tr>
                <th>Type</th>
                <th>Show</th>
                <th title="Draw all of this type as one counted node">Collapse</th>
              </tr>
            </thead>
            <tbody>
              {types.map(({ type, count }) => (
                <tr key={type}>
                  <td>
                    {type.toLowerCase()} <small className="muted">{count}</small>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Show ${type}`}
                      disabled={!resourcesShown}
                      checked={!settings.hiddenTypes.includes(type)}
                      onChange={(event) => set({ hiddenTypes: toggled(settings.hiddenTypes, type, !event.target.checked) })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Collapse ${type}`}
                      data-testid={`focus-collapse-${type}`}
                      disabled={!resourcesShown || settings.hiddenTypes.includes(type)}
                      checked={settings.collapse.includes(type)}
                      onChange={(event) => set({ collapse: toggled(settings.collapse, type, event.target.checked) })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {children}
    </div>
  );
}
