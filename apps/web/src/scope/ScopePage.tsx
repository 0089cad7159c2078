import { useQuery } from '@tanstack/react-query';
import { scopeExporters } from '@flowgraph/core';
import { useMemo, useRef, useState } from 'react';
import { nameOf } from '../api/node-index.js';
import { cycleFocusQuery, focusQuery, focusSearchParams, pathQuery } from '../api/queries.js';
import type { GraphResponse, ScopeAnswer } from '@flowgraph/core';
import type { CanvasEvent, CanvasHandle } from '../graph/GraphCanvas.js';
import { Legend } from '../panels/Legend.js';
import { useDispatch } from '../state/store-context.js';
import type { ScopeView } from '../state/types.js';
import { leaveView } from '../state/use-url-sync.js';
import { FocusControls } from './FocusControls.js';
import { NodeCard } from './NodeCard.js';
import { CycleSummary, FocusSummary, PathControls, PathSummary } from './ScopeSummary.js';
import { ScopeCanvas } from './ScopeCanvas.js';
import { BAND_PREFIX } from './scope-elements.js';
import { DiagramExportMenu } from './DiagramExportMenu.js';

const TEST_IDS: Readonly<Record<ScopeView['kind'], string>> = { focus: 'focus-view', cycle: 'cycle-view', path: 'path-view' };

/** Every resource type of the org, so a focus' hidden types become the list of types shown. */
function resourceTypesOf(data: GraphResponse): string[] {
  return [...new Set(data.graph.nodes.filter((node) => node.kind === 'resource').map((node) => node.type))].sort();
}

/** The answer for the open scope: one query per kind, the others disabled. */
function useScope(view: ScopeView, data: GraphResponse) {
  const resourceTypes = useMemo(() => resourceTypesOf(data), [data]);
  const focus = useQuery(focusQuery(view.kind === 'focus' ? focusSearchParams(view, resourceTypes) : null));
  const cycle = useQuery(cycleFocusQuery(view.kind === 'cycle' ? view.member : null, view.kind === 'cycle' ? view.inFlow : null));
  const path = useQuery(pathQuery(view.kind === 'path' ? view : null));
  return view.kind === 'focus' ? focus : view.kind === 'cycle' ? cycle : path;
}

/** What the view opens around when the whole diagram cannot be read at fit. */
function subjectOf(scope: ScopeAnswer): string[] {
  if (scope.kind === 'focus') return [scope.node];
  if (scope.kind === 'cycle') return scope.cycle.members;
  return [scope.from];
}

/**
 * A scoped diagram over the whole window: a node's neighbourhood (focus), one cycle with its
 * callers and callees, or the paths between two nodes; readable at fit, exportable as shown.
 * Its own page in the browser history: Back returns to the view it was opened from.
 */
export function ScopePage({ view, data }: { view: ScopeView; data: GraphResponse }) {
  const dispatch = useDispatch();
  const answer = useScope(view, data);
  const canvas = useRef<CanvasHandle>(null);
  const [selected, setSelected] = useState<string | null>(null);
  // Keep the last diagram on screen while a control change re-asks, instead of blanking it.
  const lastScope = useRef<ScopeAnswer | undefined>(undefined);
  if (answer.data && answer.data.kind === view.kind) lastScope.current = answer.data;
  const scope = lastScope.current?.kind === view.kind ? lastScope.current : undefined;
  const selectedNode = scope?.nodes.find((node) => node.id === selected);

  const onEvent = (event: CanvasEvent) => {
    if (event.type === 'backgroundTap') setSelected(null);
    if (event.type === 'nodeTap' && !event.id.startsWith(BAND_PREFIX)) setSelected(event.id);
  };
  const subjectName = (id: string) => scope?.nodes.find((node) => node.id === id)?.name || nameOf(data.graph, id);
  const heading = scope?.title ?? headingOf(view, subjectName);

  return (
    <div className="scope-page" role="dialog" aria-modal="true" aria-label={heading} data-testid="scope-page" data-kind={view.kind}>
      <div className="scope-header">
        <button type="button" className="button" data-testid="scope-back" onClick={() => leaveView(dispatch, { type: 'closeScope' })}>
          ← Back
        </button>
        <h2 title={heading}>{heading}</h2>
        {scope && (
          <DiagramExportMenu
            fileStem={scope.fileStem}
            render={(format) => scopeExporters[format](scope)}
            testId="scope-export"
            canvas={canvas}
            onGroup={groupOffer(scope, view, dispatch)}
          />
        )}
        <button type="button" className="button" data-testid="scope-fit" onClick={() => canvas.current?.fit()}>
          Fit
        </button>
      </div>
      {view.kind === 'focus' && (
        <FocusControls focus={scope?.kind === 'focus' ? scope : undefined} settings={view}>
          {scope?.kind === 'focus' && <FocusSummary focus={scope} />}
        </FocusControls>
      )}
      {view.kind === 'path' && <PathControls view={view} paths={scope?.kind === 'path' ? scope : undefined} name={subjectName} />}
      {scope?.kind === 'cycle' && <CycleSummary cycle={scope} name={subjectName} />}
      {scope?.kind === 'path' && <PathSummary paths={scope} name={subjectName} />}
      <div className="scope-body">
        {answer.isError && <div className="stage-message error">Could not draw this: {answer.error.message}</div>}
        {!scope && !answer.isError && <div className="stage-message">Tracing…</div>}
        {scope && (
          <ScopeCanvas
            scope={scope}
            testId={TEST_IDS[view.kind]}
            subject={subjectOf(scope)}
            selected={selected}
            onEvent={onEvent}
            handle={canvas}
          />
        )}
        {answer.isFetching && scope && <div className="stage-busy">Re-tracing…</div>}
        {scope && selectedNode && (
          <NodeCard node={selectedNode} scope={scope} view={view} name={subjectName} onClose={() => setSelected(null)} />
        )}
      </div>
      {scope && (
        <div className="scope-footer">
          <Legend nodes={scope.nodes} view={scope.kind} />
        </div>
      )}
    </div>
  );
}

function headingOf(view: ScopeView, name: (id: string) => string): string {
  if (view.kind === 'focus') return `${name(view.node)}: focus`;
  if (view.kind === 'cycle') return `Cycle through ${name(view.member)}`;
  return `Paths from ${name(view.from)} to ${name(view.to)}`;
}

/** Grouping is offered by the answer (over 150 nodes) and only a focus or a cycle can be grouped. */
function groupOffer(scope: ScopeAnswer, view: ScopeView, dispatch: ReturnType<typeof useDispatch>): (() => void) | undefined {
  if (scope.kind === 'path' || !scope.grouping.offered || scope.grouping.applied) return undefined;
  if (view.kind !== 'focus') return undefined;
  return () => dispatch({ type: 'setFocus', settings: { group: true } });
}
