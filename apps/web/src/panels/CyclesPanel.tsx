import type { Cycle, GraphResponse } from '@flowgraph/core';
import { nameOf, pathNames } from '../api/node-index.js';
import { useDispatch, useGraphSelector } from '../state/store-context.js';
import { Panel } from './Panel.js';

/** Every circular reference with its concrete path; a click focuses it in red. */
export function CyclesPanel({ data, jumpTo }: { data: GraphResponse; jumpTo(ids: readonly string[]): void }) {
  const dispatch = useDispatch();
  const mode = useGraphSelector((state) => state.mode);
  const cyclesOnly = useGraphSelector((state) => state.filters.cyclesOnly);
  const org = data.analysis.cycles.filter((cycle) => cycle.scope === 'org');
  const loops = data.analysis.cycles.filter((cycle) => cycle.scope === 'flow');
  const focus = (cycle: Cycle) => {
    const key = cycle.members[0];
    if (key === undefined) return;
    dispatch({ type: 'selectCycle', key });
    jumpTo(cycle.members);
  };

  return (
    <Panel title="Circular references" count={org.length} testId="cycles-panel">
      <label className="check">
        <input
          type="checkbox"
          data-testid="cycles-only"
          checked={cyclesOnly}
          onChange={(e) => dispatch({ type: 'setCyclesOnly', value: e.target.checked })}
        />
        Show cycles only
      </label>
      {org.length === 0 && <p className="muted">No cycles between flows or resources.</p>}
      <ul className="list">
        {org.map((cycle) => (
          <li key={cycle.members[0]} className="with-action">
            <button
              type="button"
              className={`row ${mode.kind === 'cycle' && mode.key === cycle.members[0] ? 'active' : ''}`}
              data-testid="cycle-item"
              onClick={() => focus(cycle)}
            >
              <span className="dot bad" />
              <span className="path">{pathNames(data.graph, cycle.path)}</span>
              <small>
                {cycle.members.length} members · cut {nameOf(data.graph, cycle.cut.source)} → {nameOf(data.graph, cycle.cut.target)}
              </small>
            </button>
            <button
              type="button"
              className="row-action"
              data-testid="cycle-diagram"
              title="The cycle with its callers and callees, the cut and why"
              onClick={() => dispatch({ type: 'openScope', scope: { kind: 'cycle', member: cycle.members[0] ?? '', inFlow: null } })}
            >
              diagram
            </button>
          </li>
        ))}
      </ul>
      {loops.length > 0 && <FlowLoops loops={loops} data={data} />}
    </Panel>
  );
}

/** Loops inside one flow (menu repeats, retries) are normal; listed apart, they open the step view. */
function FlowLoops({ loops, data }: { loops: Cycle[]; data: GraphResponse }) {
  const dispatch = useDispatch();
  const byFlow = new Map<string, number>();
  for (const loop of loops) if (loop.flowId) byFlow.set(loop.flowId, (byFlow.get(loop.flowId) ?? 0) + 1);
  return (
    <details className="subsection">
      <summary>
        <h3 className="subsection-title">Loops inside flows ({loops.length})</h3>
      </summary>
      <ul className="list">
        {[...byFlow].map(([flowId, count]) => (
          <li key={flowId}>
            <button type="button" className="row" onClick={() => dispatch({ type: 'openFlow', id: flowId })}>
              <span className="path">{nameOf(data.graph, flowId)}</span>
              <small>{count} loop(s) · open steps</small>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
