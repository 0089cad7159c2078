import { nameOf } from '../api/node-index.js';
import type { GraphResponse } from '@flowgraph/core';
import { useDispatch } from '../state/store-context.js';
import { Panel } from './Panel.js';

/** Deployment order in waves, dependencies first; groups a cycle forces to ship together. */
export function DeploymentPanel({ data, jumpTo }: { data: GraphResponse; jumpTo(ids: readonly string[]): void }) {
  const dispatch = useDispatch();
  const { waves, groups, blocked } = data.analysis.deployment;
  const select = (id: string) => {
    dispatch({ type: 'selectNode', id });
    jumpTo([id]);
  };
  return (
    <Panel title="Deployment order" count={waves.length} testId="deployment-panel" open={false}>
      <p className={blocked ? 'banner bad' : 'banner good'}>
        {blocked
          ? 'Blocked: a cycle makes a strict order impossible; deploy each group below together.'
          : `${waves.length} waves, dependencies first.`}
      </p>
      {groups.length > 0 && (
        <>
          <h3>Deploy together</h3>
          <ul className="chips">
            {groups.map((group) => (
              <li key={group[0]} className="bad">
                {group.map((id) => nameOf(data.graph, id)).join(' + ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <ol className="waves">
        {waves.map((wave, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: waves are positional by definition
          <li key={i}>
            <h3>
              Wave {i + 1} <small>({wave.length})</small>
            </h3>
            <div className="chips">
              {wave.map((id) => (
                <button type="button" key={id} className="chip" onClick={() => select(id)}>
                  {nameOf(data.graph, id)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
