import { useQuery } from '@tanstack/react-query';
import { nameOf, nodeIndex, pathNames } from '../api/node-index.js';
import { impactQuery } from '../api/queries.js';
import type { GraphResponse, Impact } from '@flowgraph/core';
import { useDispatch, useGraphSelector } from '../state/store-context.js';
import { DEFAULT_PATH_LIMIT, focusOn, type ScopeView } from '../state/types.js';
import { Panel } from './Panel.js';

/** What the selected node reaches and what reaches it, with depth and one path each. */
export function ImpactPanel({ data }: { data: GraphResponse }) {
  const dispatch = useDispatch();
  const mode = useGraphSelector((state) => state.mode);
  const selected = mode.kind === 'selected' ? mode.nodeId : null;
  const impact = useQuery(impactQuery(selected));
  const node = selected !== null ? nodeIndex(data.graph).get(selected) : undefined;

  return (
    <Panel title="Impact" testId="impact-panel">
      {selected === null && <p className="muted">Click a node to see what it depends on and what breaks if it changes. Esc clears.</p>}
      {selected !== null && (
        <div className="impact-head" data-testid="impact-subject" data-node-id={selected}>
          <strong className="impact-name">{node?.name ?? selected}</strong>
          <small className="impact-meta">
            {node ? `${node.kind} · ${node.type.toLowerCase()} · ${node.state}` : 'not in the org graph'}
            {node?.kind === 'flow' && (
              <button type="button" className="link" onClick={() => dispatch({ type: 'openFlow', id: selected })}>
                Open steps
              </button>
            )}
            {node && (
              <button
                type="button"
                className="link"
                data-testid="impact-focus"
                title="A readable diagram of what it uses and what uses it (F)"
                onClick={() => dispatch({ type: 'openScope', scope: focusOn(selected) })}
              >
                Focus
              </button>
            )}
          </small>
        </div>
      )}
      {impact.isError && <p className="error">{impact.error.message}</p>}
      {impact.data && impact.data.node === selected && <ImpactLists data={data} impact={impact.data} />}
    </Panel>
  );
}

function ImpactLists({ data, impact }: { data: GraphResponse; impact: Impact }) {
  return (
    <>
      <h3>
        <i className="ring upstream" /> Used by ({impact.upstream.length})
      </h3>
      <EntryList data={data} entries={impact.upstream} testId="impact-upstream" subject={impact.node} side="up" />
      <h3>
        <i className="ring downstream" /> Depends on ({impact.downstream.length})
      </h3>
      <EntryList data={data} entries={impact.downstream} testId="impact-downstream" subject={impact.node} side="down" />
      <h3>Entry flows reaching it ({impact.entryFlows.length})</h3>
      <ul className="chips" data-testid="impact-entry-flows">
        {impact.entryFlows.map((id) => (
          <li key={id}>{nameOf(data.graph, id)}</li>
        ))}
      </ul>
    </>
  );
}

interface EntryListProps {
  data: GraphResponse;
  entries: Impact['upstream'];
  testId: string;
  /** The selected node, and which side of it these entries are: a path runs from the user to what it uses. */
  subject: string;
  side: 'up' | 'down';
}

function EntryList({ data, entries, testId, subject, side }: EntryListProps) {
  const dispatch = useDispatch();
  if (entries.length === 0) return <p className="muted">None.</p>;
  const sorted = [...entries].sort((a, b) => a.depth - b.depth || nameOf(data.graph, a.id).localeCompare(nameOf(data.graph, b.id)));
  return (
    <ul className="list compact" data-testid={testId}>
      {sorted.map((entry) => (
        <li key={entry.id} className="with-action">
          <button type="button" className="row" onClick={() => dispatch({ type: 'selectNode', id: entry.id })}>
            <span className="depth">{entry.depth}</span>
            <span className="name">{nameOf(data.graph, entry.id)}</span>
            {entry.path.length > 2 && <small className="path">{pathNames(data.graph, entry.path)}</small>}
          </button>
          <button
            type="button"
            className="row-action"
            data-testid="impact-why"
            title={
              side === 'down'
                ? 'Why does it depend on this? Every path, as a diagram'
                : 'Why does this depend on it? Every path, as a diagram'
            }
            onClick={() =>
              dispatch({
                type: 'openScope',
                scope: pathBetween(side === 'down' ? subject : entry.id, side === 'down' ? entry.id : subject),
              })
            }
          >
            why?
          </button>
        </li>
      ))}
    </ul>
  );
}

function pathBetween(from: string, to: string): ScopeView {
  return { kind: 'path', from, to, all: false, limit: DEFAULT_PATH_LIMIT };
}
