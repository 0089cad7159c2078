import { nameOf } from '../api/node-index.js';
import type { Finding, GraphResponse } from '@flowgraph/core';
import { useDispatch } from '../state/store-context.js';
import { focusOn } from '../state/types.js';
import { Panel } from './Panel.js';

const ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

interface Group {
  code: string;
  severity: Finding['severity'];
  findings: Finding[];
}

/** One group per code, errors first: a policy run can add hundreds of one kind of finding. */
function groupsOf(data: GraphResponse): Group[] {
  const groups = new Map<string, Group>();
  for (const finding of data.analysis.findings) {
    const key = `${finding.severity}:${finding.code}`;
    const group = groups.get(key) ?? { code: finding.code, severity: finding.severity, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const byName = (a: Finding, b: Finding) => nameOf(data.graph, a.subject).localeCompare(nameOf(data.graph, b.subject));
  for (const group of groups.values()) group.findings.sort(byName);
  return [...groups.values()].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code));
}

/** Version / publish findings; a click selects the subject on the graph. */
export function FindingsPanel({ data, jumpTo }: { data: GraphResponse; jumpTo(ids: readonly string[]): void }) {
  const dispatch = useDispatch();
  const groups = groupsOf(data);
  const select = (id: string) => {
    dispatch({ type: 'selectNode', id });
    jumpTo([id]);
  };
  return (
    <Panel title="Findings" count={data.analysis.findings.length} testId="findings-panel">
      {groups.length === 0 && <p className="muted">No findings: everything published uses published objects.</p>}
      {groups.map((group) => (
        <details
          key={`${group.severity}:${group.code}`}
          className="finding-group"
          open={group.severity === 'error' || group.findings.length <= 3}
        >
          <summary>
            <span className={`severity ${group.severity}`}>{group.severity}</span>
            <code>{group.code}</code>
            <span className="count">{group.findings.length}</span>
          </summary>
          <ul className="list">
            {group.findings.map((finding) => (
              <li key={`${finding.subject}:${finding.message}`} className="with-action">
                <button
                  type="button"
                  className="row finding"
                  data-testid="finding-item"
                  title={finding.message}
                  onClick={() => select(finding.subject)}
                >
                  <span className="name">{nameOf(data.graph, finding.subject)}</span>
                  <small>{finding.message}</small>
                </button>
                <button
                  type="button"
                  className="row-action"
                  data-testid="finding-focus"
                  title="A diagram of what it uses and what uses it"
                  onClick={() => dispatch({ type: 'openScope', scope: focusOn(finding.subject) })}
                >
                  focus
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </Panel>
  );
}
