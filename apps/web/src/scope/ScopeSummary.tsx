import type { CycleFocusAnswer, FocusAnswer, PathsAnswer } from '@flowgraph/core';
import { useDispatch } from '../state/store-context.js';
import type { ScopeView } from '../state/types.js';

type NameOf = (id: string) => string;

function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** What the focus reached, what it shows, and what it leaves out or folds: nothing disappears silently. */
export function FocusSummary({ focus }: { focus: FocusAnswer }) {
  const dispatch = useDispatch();
  const hidden = focus.hidden.map((entry) => `${entry.count} ${entry.type.toLowerCase()}`).join(', ');
  const collapsed = focus.collapsed.map((entry) => `${entry.count} ${entry.type.toLowerCase()}`).join(', ');
  const { grouping } = focus;
  return (
    <div className="scope-summary inline" data-testid="focus-summary">
      <span>
        {counted(focus.reached.up, 'node')} upstream, {counted(focus.reached.down, 'node')} downstream · showing{' '}
        {counted(focus.nodes.length, 'node')} and {counted(focus.edges.length, 'edge')}
      </span>
      {hidden !== '' && <span className="muted">left out: {hidden}</span>}
      {collapsed !== '' && <span className="muted">collapsed: {collapsed}</span>}
      {grouping.applied && (
        <span className="notice" data-testid="grouping-applied">
          The largest crowds of one type at one depth are drawn as one counted node, to keep {grouping.nodeLimit} nodes or fewer readable.{' '}
          <button type="button" className="link" onClick={() => dispatch({ type: 'setFocus', settings: { group: false } })}>
            Show every node
          </button>
        </span>
      )}
      {grouping.offered && !grouping.applied && (
        <span className="notice" data-testid="grouping-offered">
          Over {grouping.nodeLimit} nodes: labels cannot all be read at once.{' '}
          <button type="button" className="link" onClick={() => dispatch({ type: 'setFocus', settings: { group: true } })}>
            Group to {grouping.groupedNodeCount} nodes
          </button>
        </span>
      )}
    </div>
  );
}

/** The cycle, the hop to cut and why: the answer a review needs, in words beside the picture. */
export function CycleSummary({ cycle, name }: { cycle: CycleFocusAnswer; name: NameOf }) {
  const { cut } = cycle;
  return (
    <div className="scope-summary cycle" data-testid="cycle-summary">
      <span>
        <strong>{cycle.cycle.path.map(name).join(' → ')}</strong> · {counted(cycle.cycle.members.length, 'member')},{' '}
        {counted(cycle.callers, 'caller')}, {counted(cycle.callees, 'callee')}
      </span>
      <span data-testid="cycle-cut">
        Suggested cut:{' '}
        <strong>
          {name(cut.source)} → {name(cut.target)}
        </strong>
        {cut.via !== undefined && ` (${cut.via})`}
      </span>
      <span className="reason" data-testid="cycle-reason">
        {cut.reason}
      </span>
    </div>
  );
}

/** How many paths, how long, whether there are more; a path as a line of names for copying. */
export function PathSummary({ paths, name }: { paths: PathsAnswer; name: NameOf }) {
  const dispatch = useDispatch();
  if (paths.shortest === null) {
    return (
      <div className="scope-summary" data-testid="path-summary">
        <span>
          <strong>{name(paths.from)}</strong> does not depend on <strong>{name(paths.to)}</strong>: no path leads there.
        </span>
        <button
          type="button"
          className="link"
          onClick={() => dispatch({ type: 'openScope', scope: { kind: 'path', from: paths.to, to: paths.from, all: false, limit: 20 } })}
        >
          Try the other way: does {name(paths.to)} depend on {name(paths.from)}?
        </button>
      </div>
    );
  }
  const what =
    paths.mode === 'shortest'
      ? `${counted(paths.shortestCount, 'shortest path')} of ${counted(paths.shortest, 'hop')}`
      : `${counted(paths.paths.length, 'simple path')}, shortest first (${counted(paths.shortest, 'hop')} at best)`;
  return (
    <div className="scope-summary" data-testid="path-summary">
      <span>
        {what}
        {paths.truncated && ` · showing the first ${paths.paths.length}`}
      </span>
      <ol className="path-list">
        {paths.paths.slice(0, 3).map((path) => (
          <li key={path.nodes.join('\u0000')}>{path.nodes.map(name).join(' → ')}</li>
        ))}
        {paths.paths.length > 3 && <li className="muted">and {paths.paths.length - 3} more in the diagram</li>}
      </ol>
    </div>
  );
}

const LIMITS = [5, 10, 20, 50] as const;

/** Swap the ends; shortest paths only, or up to k simple paths by length. */
export function PathControls({
  view,
  paths,
  name,
}: {
  view: Extract<ScopeView, { kind: 'path' }>;
  paths: PathsAnswer | undefined;
  name: NameOf;
}) {
  const dispatch = useDispatch();
  return (
    <div className="scope-controls" data-testid="path-controls">
      <span>
        Why does <strong>{name(view.from)}</strong> depend on <strong>{name(view.to)}</strong>?
      </span>
      <button
        type="button"
        className="button"
        title="Swap the ends"
        onClick={() => dispatch({ type: 'openScope', scope: { ...view, from: view.to, to: view.from } })}
      >
        ⇄ Swap
      </button>
      <fieldset className="segmented" aria-label="Which paths">
        <button
          type="button"
          aria-pressed={!view.all}
          data-testid="paths-shortest"
          onClick={() => dispatch({ type: 'setPathOptions', all: false, limit: view.limit })}
        >
          Shortest paths
        </button>
        <button
          type="button"
          aria-pressed={view.all}
          data-testid="paths-more"
          onClick={() => dispatch({ type: 'setPathOptions', all: true, limit: view.limit })}
        >
          More paths
        </button>
      </fieldset>
      <label className="control">
        up to
        <select
          value={String(view.limit)}
          data-testid="paths-limit"
          onChange={(event) => dispatch({ type: 'setPathOptions', all: view.all, limit: Number(event.target.value) })}
        >
          {[...new Set([...LIMITS, view.limit])]
            .sort((a, b) => a - b)
            .map((limit) => (
              <option key={limit} value={String(limit)}>
                {limit}
              </option>
            ))}
        </select>
      </label>
      {paths?.truncated && <span className="muted">more exist</span>}
    </div>
  );
}
