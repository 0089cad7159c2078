import { useQuery } from '@tanstack/react-query';
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { preparedOrgOf } from '../api/graph-reader.js';
import { nodeIndex } from '../api/node-index.js';
import { impactQuery } from '../api/queries.js';
import type { GraphResponse } from '@flowgraph/core';
import { Legend } from '../panels/Legend.js';
import { BuildProgress } from '../panels/StatusMessage.js';
import { useDispatch, useGraphSelector } from '../state/store-context.js';
import { type CanvasEvent, type CanvasHandle, GraphCanvas, type ViewRequest } from './GraphCanvas.js';
import { labelMeasure } from './label-fit.js';
import { importance, pickLandmarks } from './landmarks.js';
import { drawingBox } from './opening-view.js';
import { useLevelOfDetail } from './LevelOfDetail.js';
import { computeClasses } from './visual-state.js';
import { useFileMarks } from '../files/marks.js';
import { useLocalFiles } from '../files/OpenFiles.js';
import { withKeyboardFocus } from './keyboard-nav.js';
import { KEY_HINT, useKeyboardNav } from './use-keyboard-nav.js';

/** One press of the zoom buttons. */
const ZOOM_STEP = 1.3;

interface Props {
  data: GraphResponse;
  view: ViewRequest | null;
  canvas: RefObject<CanvasHandle | null>;
  jumpTo(ids: readonly string[]): void;
}

/** The org graph: turns server data and UI state into elements and classes for the canvas. */
export function OrgGraph({ data, view, canvas, jumpTo }: Props) {
  const dispatch = useDispatch();
  const mode = useGraphSelector((state) => state.mode);
  const filters = useGraphSelector((state) => state.filters);
  // Layout and elements, prepared with the answer in the graph worker.
  const prepared = useMemo(() => preparedOrgOf(data), [data]);
  const { layout } = prepared;
  const selected = mode.kind === 'selected' ? mode.nodeId : null;
  const impact = useQuery(impactQuery(selected));
  const marks = useFileMarks(data);
  // A live update of the same source keeps the zoom; other files opened in the page are a new view.
  const local = useLocalFiles();
  const viewKey = local.status === 'loaded' ? `files:${local.label}:${local.over ?? ''}` : data.source.kind;

  const landmarks = useMemo(() => {
    const scores = importance(data.graph);
    // The labels as drawn (a flow's with its level-of-detail count, `(+6)`), so that landmarks never overlap.
    const labels = new Map(data.graph.nodes.map((node) => [node.id, node.name]));
    for (const element of prepared.elements) if (element.group === 'nodes') labels.set(String(element.data.id), String(element.data.label));
    return (zoom: number) => pickLandmarks(layout.positions, labels, scores, zoom);
  }, [data.graph, layout, prepared]);
  const visual = useMemo(
    () =>
      computeClasses({
        graph: data.graph,
        mode,
        filters,
        cycles: data.analysis.cycles,
        findings: data.analysis.findings,
        impact: selected !== null && impact.data?.node === selected ? impact.data : undefined,
        marks,
      }),
    [data, mode, filters, selected, impact.data, marks],
  );
  // The keyboard cursor's class too: a resource the level of detail leaves out is added under it.
  const keys = useKeyboardNav({ graph: data.graph, positions: layout.positions, hidden: visual.hidden, selected });
  const classes = useMemo(() => withKeyboardFocus(visual.classes, keys.cursor), [visual.classes, keys.cursor]);
  const detail = useLevelOfDetail(data.graph, prepared, classes);
  // The canvas opens on the drawing's box known from the positions: Cytoscape need not measure every element first.
  const modelBox = useMemo(() => {
    const measure = labelMeasure();
    return (ids: readonly string[], font: number) => drawingBox(detail.elements, measure, new Set(ids), font);
  }, [detail.elements]);
  const drawing = useFirstDrawAnnounced();

  // A deep link names a selection or a cycle: bring it into view once the graph is drawn.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !drawing) return;
    restored.current = true;
    if (mode.kind === 'selected') jumpTo([mode.nodeId]);
    if (mode.kind === 'cycle') jumpTo(data.analysis.cycles.find((cycle) => cycle.members[0] === mode.key)?.members ?? []);
  }, [drawing, mode, data, jumpTo]);

  const onEvent = (event: CanvasEvent) => {
    if (event.type === 'nodeTap') dispatch({ type: 'selectNode', id: event.id });
    if (event.type === 'backgroundTap') dispatch({ type: 'clear' });
    if (event.type === 'nodeDoubleTap' && nodeIndex(data.graph).get(event.id)?.kind === 'flow') {
      dispatch({ type: 'openFlow', id: event.id });
    }
  };

  if (!drawing) {
    const edges = detail.elements.reduce((count, element) => count + (element.group === 'edges' ? 1 : 0), 0);
    return <BuildProgress stage="drawing" nodes={detail.elements.length - edges} edges={edges} />;
  }
  return (
    <>
      <GraphCanvas
        name="org"
        testId="graph"
        elements={detail.elements}
        more={detail.touched}
        nodeCount={data.graph.nodes.length}
        style={detail.style}
        classes={classes}
        dimmed={visual.dimmed}
        view={view}
        onEvent={onEvent}
        handle={canvas}
        landmarks={landmarks}
        modelBox={modelBox}
        viewKey={viewKey}
        keepInView={keys.cursor}
        container={keys.containerProps}
      />
      <p id={keys.hintId} className="key-hint">
        {KEY_HINT}
      </p>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="graph-announcer">
        {keys.announcement}
      </div>
      <div className="zoom-controls">
        <button type="button" title="Zoom in" onClick={() => canvas.current?.zoomBy(ZOOM_STEP)}>
          +
        </button>
        <button type="button" title="Zoom out" onClick={() => canvas.current?.zoomBy(1 / ZOOM_STEP)}>
          −
        </button>
        <button type="button" title="Fit the graph" data-testid="fit" onClick={() => canvas.current?.fit()}>
          Fit
        </button>
      </div>
      <Legend nodes={data.graph.nodes} />
      {detail.note}
      {selected !== null && impact.isFetching && <div className="stage-busy">Tracing impact…</div>}
    </>
  );
}

/**
 * False until "Drawing…" has been painted: the first canvas is built in one long task of the main
 * thread (seconds on a large org), so the page says what it is doing before it starts.
 */
function useFirstDrawAnnounced(): boolean {
  const [announced, setAnnounced] = useState(false);
  useEffect(() => {
    if (announced) return;
    let timer = 0;
    // A timeout set in an animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setAnnounced(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [announced]);
  return announced;
}
