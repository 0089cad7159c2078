import {
  AnalysisContext,
  analyze,
  type ExportFormat,
  exporters,
  flowchartLayout,
  graphFromExport,
  mergedRole,
  mergeParallelTransitions,
  slugOf,
  withoutErrorPaths,
} from '@flowgraph/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { flowStepsQuery } from '../api/queries.js';
import type { ExportGraph, ExportNode, StepsResponse } from '@flowgraph/core';
import { type CanvasEvent, type CanvasHandle, GraphCanvas, type Opening } from '../graph/GraphCanvas.js';
import { edgeId, toElements } from '../graph/elements.js';
import { BASE_FONT_SIZE, stepsStylesheet } from '../graph/stylesheet.js';
import { classString, type VisualClass } from '../graph/visual-class.js';
import { useDispatch } from '../state/store-context.js';
import { focusOn } from '../state/types.js';
import { DiagramExportMenu } from '../scope/DiagramExportMenu.js';
import { leaveView } from '../state/use-url-sync.js';
import { Legend } from './Legend.js';

/** What a step can open: the flows it calls or transfers to, and the data actions it runs. */
const LINKED_TYPES = new Set(['DATAACTION', 'INTEGRATION']);
function opens(node: ExportNode | undefined): boolean {
  return node !== undefined && (node.kind === 'flow' || LINKED_TYPES.has(node.type));
}

function onLoop(steps: StepsResponse | undefined, id: string): boolean {
  return steps?.cycles.some((cycle) => cycle.members.includes(id)) ?? false;
}

/** The step graph as drawn: parallel transitions merged, error paths dropped when asked. */
function shownGraph(steps: StepsResponse, hideErrors: boolean): ExportGraph {
  const merged = { nodes: steps.graph.nodes, edges: mergeParallelTransitions(steps.graph.edges) };
  return hideErrors ? withoutErrorPaths(merged) : merged;
}

/**
 * The steps as drawn, as text: each flow's steps in a cluster, loops red (the analysis of this
 * step graph, as the server's), in DOT and Mermaid; the graph as data in JSON.
 */
function renderSteps(graph: ExportGraph, format: ExportFormat): string {
  const model = graphFromExport(graph);
  if (format === 'json') return exporters.json(model);
  return exporters[format](model, analyze(new AnalysisContext(model)));
}

/** Below this zoom step labels (11 px) shrink under 10 px; a long flow opens here, from its start, instead of fitted. */
const STEPS_OPENING: Opening = { minZoom: 10 / BASE_FONT_SIZE, anchor: 'start' };

/** Loops are always marked; the clicked step is selected; what a step can open reads as a link. */
function stepClasses(steps: StepsResponse, graph: ExportGraph, selected: string | null): Map<string, string> {
  const onLoop = new Set(steps.cycles.flatMap((cycle) => cycle.members));
  const classes = new Map<string, string>();
  for (const node of graph.nodes) {
    const list: VisualClass[] = [];
    if (onLoop.has(node.id)) list.push('cycle');
    if (node.id === selected) list.push('selected');
    if (list.length > 0) classes.set(node.id, classString(list));
  }
  graph.edges.forEach((edge, i) => {
    if (onLoop.has(edge.source) && onLoop.has(edge.target)) classes.set(edgeId(i), classString(['cycle']));
  });
  return classes;
}

/**
 * A flow's steps as a flowchart for people (core flowchartLayout): the happy path straight from
 * the start, branches and error paths below, loops drawn back; the flows, data actions and
 * queues a step uses sit above it, and a flow or data action opens with a click.
 */
export function FlowStepsView({ flowId }: { flowId: string }) {
  const dispatch = useDispatch();
  const steps = useQuery(flowStepsQuery(flowId));
  const [hideErrors, setHideErrors] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const canvas = useRef<CanvasHandle>(null);
  const data = steps.data;
  const graph = useMemo(() => (data ? shownGraph(data, hideErrors) : undefined), [data, hideErrors]);
  const elements = useMemo(() => {
    if (!graph) return [];
    const layout = flowchartLayout(graph);
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    return toElements(graph, layout, { edgeLabels: true }).map((element) => {
      if (element.group === 'edges' && element.data.kind === 'transition')
        return { ...element, data: { ...element.data, role: mergedRole(element.data.label) } };
      if (element.group === 'nodes' && element.data.id !== flowId && opens(byId.get(element.data.id ?? '')))
        return { ...element, data: { ...element.data, link: true } };
      return element;
    });
  }, [graph, flowId]);
  const classes = useMemo(() => (data && graph ? stepClasses(data, graph, selected) : new Map<string, string>()), [data, graph, selected]);
  const byId = useMemo(() => new Map((graph?.nodes ?? []).map((node) => [node.id, node])), [graph]);
  const step = selected !== null ? byId.get(selected) : undefined;
  const stepOpens =
    step && graph
      ? graph.edges
          .filter((edge) => edge.kind === 'uses' && edge.source === step.id)
          .map((edge) => byId.get(edge.target))
          .filter(opens)
      : [];

  const open = (node: ExportNode) => {
    setSelected(null);
    if (node.kind === 'flow') dispatch({ type: 'openFlow', id: node.id });
    else {
      dispatch({ type: 'closeFlow' });
      dispatch({ type: 'selectNode', id: node.id });
    }
  };
  const onEvent = (event: CanvasEvent) => {
    if (event.type === 'backgroundTap') setSelected(null);
    if (event.type !== 'nodeTap') return;
    const node = byId.get(event.id);
    if (node && event.id !== flowId && opens(node)) open(node as ExportNode);
    else setSelected(event.id);
  };

  const errorPaths = data ? data.graph.edges.filter((edge) => edge.kind === 'transition' && mergedRole(edge.label) === 'error').length : 0;
  const stepCount = data ? data.graph.nodes.filter((node) => node.kind === 'step').length : 0;
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label="Flow steps" data-testid="flow-steps">
      <div className="modal-header">
        <button type="button" className="button" data-testid="steps-back" onClick={() => leaveView(dispatch, { type: 'closeFlow' })}>
          ← Back to org
        </button>
        <h2>{data?.flow.name ?? flowId}</h2>
        {data && (
          <span className="muted">
            {data.flow.type.toLowerCase()} · {data.flow.state} · {stepCount} steps · {data.cycles.length} loop(s)
          </span>
        )}
        <label className="check" title={`${errorPaths} failure / timeout transitions`}>
          <input type="checkbox" data-testid="hide-errors" checked={hideErrors} onChange={(e) => setHideErrors(e.target.checked)} />
          Hide error paths
        </label>
        <button
          type="button"
          className="button"
          title="This flow's neighbourhood in the org: what it uses and what uses it"
          onClick={() => dispatch({ type: 'openScope', scope: focusOn(flowId) })}
        >
          Focus in org
        </button>
        {data && graph && (
          <DiagramExportMenu
            fileStem={`${slugOf(data.flow.name, 'flow')}.${hideErrors ? 'happy-path' : 'steps'}`}
            render={(format) => renderSteps(graph, format)}
            testId="steps-export"
            canvas={canvas}
          />
        )}
        <button type="button" className="button" onClick={() => canvas.current?.fit()}>
          Fit
        </button>
      </div>
      <div className="modal-body">
        {steps.isError && <div className="stage-message error">Could not load the steps: {steps.error.message}</div>}
        {!data && !steps.isError && <div className="stage-message">Loading the flow's steps…</div>}
        {data && elements.length > 0 && (
          <GraphCanvas
            name="steps"
            testId="steps-graph"
            elements={elements}
            classes={classes}
            view={null}
            onEvent={onEvent}
            handle={canvas}
            style={stepsStylesheet}
            opening={STEPS_OPENING}
          />
        )}
        {graph && <Legend nodes={graph.nodes} view="steps" />}
        {step && (
          <div className="step-card" data-testid="step-card">
            <strong>{step.name}</strong>
            <small>{step.type}</small>
            <button
              type="button"
              className="link"
              data-testid="step-focus"
              onClick={() => dispatch({ type: 'openScope', scope: focusOn(step.id, flowId) })}
            >
              Focus on this step →
            </button>
            {onLoop(data, step.id) && (
              <button
                type="button"
                className="link"
                data-testid="step-loop"
                onClick={() => dispatch({ type: 'openScope', scope: { kind: 'cycle', member: step.id, inFlow: flowId } })}
              >
                Loop diagram →
              </button>
            )}
            {stepOpens.map((target) => (
              <button key={target!.id} type="button" className="link" data-testid="step-link" onClick={() => open(target!)}>
                Open {target!.name} →
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
