import type { ScopeAnswer, ScopeNodeAnswer } from '@flowgraph/core';
import { useDispatch } from '../state/store-context.js';
import { DEFAULT_PATH_LIMIT, focusOn, type ScopeView } from '../state/types.js';

const MEMBERS_LISTED = 12;

interface Props {
  node: ScopeNodeAnswer;
  scope: ScopeAnswer;
  view: ScopeView;
  name(id: string): string;
  onClose(): void;
}

/**
 * The clicked node of a scope and where to go from it: its own focus, its steps, why the focus
 * depends on it (or it on the focus) as a path, or back to the org view with it selected.
 */
export function NodeCard({ node, scope, view, name, onClose }: Props) {
  const dispatch = useDispatch();
  const inFlow = node.kind === 'step' ? (scope.flowId ?? node.flowId ?? null) : null;
  const paths = (from: string, to: string) =>
    dispatch({ type: 'openScope', scope: { kind: 'path', from, to, all: false, limit: DEFAULT_PATH_LIMIT } });
  const focused = view.kind === 'focus' ? view.node : null;
  const focusedName = scope.nodes.find((candidate) => candidate.id === focused)?.name ?? focused;
  const isGroup = node.group !== undefined;

  return (
    <div className="step-card node-card" data-testid="scope-node-card" data-node-id={node.id}>
      <button type="button" className="close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      <strong>{node.name || node.id}</strong>
      <small className="muted">
        {node.kind} · {node.type.toLowerCase()}
        {isGroup ? '' : ` · ${node.state}`}
        {node.side !== 'self' && node.side !== 'path' && ` · ${node.depth} hop${node.depth === 1 ? '' : 's'} ${sideText(node.side)}`}
      </small>
      {node.group && (
        <ul className="members">
          {node.group.members.slice(0, MEMBERS_LISTED).map((id) => (
            <li key={id}>{name(id)}</li>
          ))}
          {node.group.count > MEMBERS_LISTED && <li className="muted">and {node.group.count - MEMBERS_LISTED} more</li>}
        </ul>
      )}
      {node.group && view.kind === 'focus' && view.collapse.includes(node.type) && (
        <button
          type="button"
          className="link"
          onClick={() => dispatch({ type: 'setFocus', settings: { collapse: view.collapse.filter((type) => type !== node.type) } })}
        >
          Show each {node.type.toLowerCase()}
        </button>
      )}
      {!isGroup && (
        <div className="card-actions">
          {node.id !== focused && (
            <button
              type="button"
              className="link"
              data-testid="card-focus"
              onClick={() => dispatch({ type: 'openScope', scope: focusOn(node.id, inFlow) })}
            >
              Focus on it →
            </button>
          )}
          {focused !== null && node.id !== focused && (node.side === 'down' || node.side === 'both') && (
            <button type="button" className="link" data-testid="card-path" onClick={() => paths(focused, node.id)}>
              Why does {focusedName} depend on it? →
            </button>
          )}
          {focused !== null && node.id !== focused && (node.side === 'up' || node.side === 'both') && (
            <button type="button" className="link" data-testid="card-path-up" onClick={() => paths(node.id, focused)}>
              Why does it depend on {focusedName}? →
            </button>
          )}
          {node.kind === 'flow' && (
            <button type="button" className="link" onClick={() => dispatch({ type: 'openFlow', id: node.id })}>
              Open its steps →
            </button>
          )}
          {node.kind !== 'step' && (
            <button
              type="button"
              className="link"
              onClick={() => {
                dispatch({ type: 'closeScope' });
                dispatch({ type: 'closeFlow' });
                dispatch({ type: 'selectNode', id: node.id });
              }}
            >
              Show in the org view
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function sideText(side: ScopeNodeAnswer['side']): string {
  if (side === 'up') return 'upstream';
  if (side === 'down') return 'downstream';
  return 'both ways';
}
