import type { DiffResponse, NodeChangeInfo as Change } from '@flowgraph/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { type CanvasEvent, type CanvasHandle, GraphCanvas, type ViewRequest } from '../graph/GraphCanvas.js';
import { edgeId, toElements } from '../graph/elements.js';
import { CHANGE_MARKS, type ChangeRole } from '../graph/palette.js';
import { classString, type VisualClass } from '../graph/visual-class.js';
import { Swatch } from '../panels/Legend.js';
import { diffQuery, historyQuery } from './queries.js';
import './ChangesView.css';

interface Props {
  onClose(): void;
}

/**
 * Changes mode: two stored crawls of the org compared (default the last two). The change's
 * neighbourhood drawn (added green with +, changed amber with ~, removed grey with −, new cycles drawn as cycles: CHANGE_MARKS), the
 * change list (each entry focuses its node), problems introduced, entry flows reached and the
 * publish order. Data: /api/history and /api/diff; the diff itself is core's diffGraphs.
 */
export function ChangesView({ onClose }: Props) {
  const history = useQuery(historyQuery());
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const diff = useQuery(diffQuery(picked.from, picked.to));
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<ViewRequest | null>(null);
  const canvas = useRef<CanvasHandle>(null);
  const data = diff.data;
  const elements = useMemo(() => (data ? toElements(data.view.graph, data.view.layout ?? { positions: {} }) : []), [data]);
  const classes = useMemo(() => (data ? changeClasses(data, selected) : new Map<string, string>()), [data, selected]);
  const focus = (id: string) => {
    setSelected(id);
    setView((last) => ({ ids: [id], seq: (last?.seq ?? 0) + 1 }));
  };
  const onEvent = (event: CanvasEvent) => {
    if (event.type === 'nodeTap') setSelected(event.id);
    if (event.type === 'backgroundTap') setSelected(null);
  };
  const snapshots = history.data?.snapshots ?? [];
  const label = (id: number) => {
    const record = snapshots.find((snapshot) => snapshot.id === id);
    return record ? `#${id} · ${new Date(record.fetchedAt).toLocaleString()}` : `#${id}`;
  };

  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label="Changes" data-testid="changes-view">
      <div className="modal-header">
        <button type="button" className="button" data-testid="changes-back" onClick={onClose}>
          ← Back to org
        </button>
        <h2>Changes</h2>
        {snapshots.length >= 2 && (
          <>
            <label className="changes-pick">
              from
              <select
                data-testid="changes-from"
                value={data?.from.id ?? ''}
                onChange={(event) => setPicked({ ...picked, from: Number(event.target.value) })}
              >
                {snapshots.map((record) => (
                  <option key={record.id} value={record.id}>
                    {label(record.id)}
                  </option>
                ))}
              </select>
            </label>
            <label className="changes-pick">
              to
              <select
                data-testid="changes-to"
                value={data?.to.id ?? ''}
                onChange={(event) => setPicked({ ...picked, to: Number(event.target.value) })}
              >
                {snapshots.map((record) => (
                  <option key={record.id} value={record.id}>
                    {label(record.id)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {data && (
          <span className="muted" data-testid="changes-summary">
            {summaryOf(data)}
          </span>
        )}
        <button type="button" className="button" onClick={() => canvas.current?.fit()}>
          Fit
        </button>
      </div>
      <div className="modal-body changes-body">
        <div className="changes-stage">
          {(history.isError || diff.isError) && (
            <div className="stage-message" data-testid="changes-message">
              {(diff.error ?? history.error)?.message}
            </div>
          )}
          {data && elements.length === 0 && <div className="stage-message">No change between these two crawls.</div>}
          {data && elements.length > 0 && (
            <GraphCanvas
              name="changes"
              testId="changes-graph"
              elements={elements}
              classes={classes}
              view={view}
              onEvent={onEvent}
              handle={canvas}
            />
          )}
          <ChangesLegend />
        </div>
        {data && <ChangeList data={data} selected={selected} focus={focus} />}
      </div>
    </div>
  );
}

/** The marks of CHANGE_MARKS as the canvas draws them: fill, glyph and, for edges, line style. */
function ChangesLegend() {
  return (
    <section className="changes-legend" aria-label="Legend of the changes">
      {(Object.keys(CHANGE_MARKS) as ChangeRole[]).map((role) => {
        const { colour, fill, glyph, edge } = CHANGE_MARKS[role];
        return (
          <span key={role} className="legend-item" data-testid={`legend-change-${role}`}>
            <i className="change-swatch" style={{ background: fill, borderColor: colour }}>
              {glyph}
            </i>
            {edge && <i className="line" data-line={edge} style={{ borderTopColor: colour, borderTopStyle: edge, borderTopWidth: 3 }} />}
            {role}
          </span>
        );
      })}
      <span className="legend-item">
        <Swatch mark="cycle" />
        new cycle
      </span>
      <span className="legend-item">
        <i className="change-swatch context" />
        caller on the way from an entry flow
      </span>
      <span className="legend-item">
        <i className="hatched" />
        unpublished
      </span>
    </section>
  );
}

function summaryOf({ diff }: DiffResponse): string {
  const parts = [
    `${diff.flows.added.length} added`,
    `${diff.flows.removed.length} removed`,
    `${diff.flows.changed.length} changed flows`,
    `${diff.resources.added.length + diff.resources.removed.length + diff.resources.changed.length} resources`,
    `${diff.cycles.introduced.length} new cycles`,
    `${diff.impact.entryFlows.length} entry flows reached`,
  ];
  return parts.join(' · ');
}

/** Node classes by role, edge classes by whether the diff added or removed them or a new cycle runs through. */
function changeClasses(data: DiffResponse, selected: string | null): Map<string, string> {
  const classes = new Map<string, VisualClass[]>();
  const add = (id: string, name: VisualClass) => classes.set(id, [...(classes.get(id) ?? []), name]);
  for (const [id, role] of Object.entries(data.view.roles)) if (role !== 'context') add(id, `change-${role}`);
  const key = (source: string, target: string) => `${source}\u0000${target}`;
  const added = new Set(data.diff.edges.added.map((edge) => key(edge.source, edge.target)));
  const removed = new Set(data.diff.edges.removed.map((edge) => key(edge.source, edge.target)));
  const cycleHops = new Set<string>();
  for (const cycle of data.diff.cycles.introduced) {
    for (let i = 0; i + 1 < cycle.path.length; i++) cycleHops.add(key(cycle.path[i] as string, cycle.path[i + 1] as string));
    for (const id of cycle.members) add(id, 'change-cycle');
  }
  data.view.graph.edges.forEach((edge, index) => {
    const hop = key(edge.source, edge.target);
    const role = cycleHops.has(hop) ? 'change-cycle' : added.has(hop) ? 'change-added' : removed.has(hop) ? 'change-removed' : undefined;
    if (role) add(edgeId(index), role);
  });
  if (selected !== null) add(selected, 'selected');
  return new Map([...classes].map(([id, list]) => [id, classString(list)]));
}

function ChangeList({ data, selected, focus }: { data: DiffResponse; selected: string | null; focus(id: string): void }) {
  const { diff } = data;
  const name = (id: string) => diff.nodes[id]?.name ?? id;
  const entry = (id: string, role: string, detail?: string) => (
    <li key={`${role}:${id}`}>
      <button
        type="button"
        className={`change-entry ${role} ${selected === id ? 'active' : ''}`}
        data-testid="change-entry"
        onClick={() => focus(id)}
      >
        <span className="change-name">{name(id)}</span>
        <small>
          {(diff.nodes[id]?.type ?? '').toLowerCase()} · {role}
          {detail ? ` · ${detail}` : ''}
        </small>
      </button>
    </li>
  );
  const changed = [...diff.flows.changed, ...diff.resources.changed];
  return (
    <aside className="changes-list" data-testid="changes-list">
      <h3>What changed</h3>
      <ul>
        {[...diff.flows.added, ...diff.resources.added].map((id) => entry(id, 'added'))}
        {changed.map((item) => entry(item.id, 'changed', describe(item.changes, name)))}
        {[...diff.flows.removed, ...diff.resources.removed].map((id) => entry(id, 'removed'))}
      </ul>
      {diff.findings.introduced.length > 0 && (
        <>
          <h3>Problems introduced</h3>
          <ul>{diff.findings.introduced.map((finding) => entry(finding.subject, finding.severity, finding.code))}</ul>
        </>
      )}
      {diff.impact.entryFlows.length > 0 && (
        <>
          <h3>Entry flows that reach it</h3>
          <ul>
            {diff.impact.entryFlows.map((item) =>
              entry(item.id, 'entry', item.path.length > 1 ? `via ${item.path.slice(1).map(name).join(' → ')}` : 'changed itself'),
            )}
          </ul>
        </>
      )}
      <h3>Publish order</h3>
      <ol className="publish-order" data-testid="publish-order">
        {diff.publishOrder.map((wave, index) => (
          <li key={wave.join(',')}>
            <span className="muted">wave {index + 1}</span>{' '}
            {wave.map((id) => (
              <button key={id} type="button" className="link" onClick={() => focus(id)}>
                {name(id)}
              </button>
            ))}
          </li>
        ))}
      </ol>
    </aside>
  );
}

function describe(changes: readonly Change[], name: (id: string) => string): string {
  return changes
    .map((change) => {
      if (change.kind === 'property') return `${change.property} ${change.before ?? '–'} → ${change.after ?? '–'}`;
      if (change.kind === 'uses') {
        const parts = [...change.added.map((id) => `+${name(id)}`), ...change.removed.map((id) => `−${name(id)}`)];
        return `uses ${parts.join(', ')}`;
      }
      return `steps +${change.added.length} −${change.removed.length} ~${change.changed.length}`;
    })
    .filter((text, index, all) => !text.startsWith('savedVersion') && !text.startsWith('checkedInVersion') && all.indexOf(text) === index)
    .join('; ');
}
