import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { flowStepsQuery } from '../api/queries.js';
import type { FlowSteps } from '../api/schemas.js';
import { type CanvasEvent, type CanvasHandle, GraphCanvas } from '../graph/GraphCanvas.js';
import { edgeId, toElements } from '../graph/elements.js';
import { useLayout } from '../graph/use-layout.js';
import { useDispatch } from '../state/store-context.js';
import { Legend } from './Legend.js';

/** Loops are always marked; the clicked step is selected. */
function stepClasses(steps: FlowSteps, selected: string | null): Map<string, string> {
  const onLoop = new Set(steps.cycles.flatMap((cycle) => cycle.members));
  const classes = new Map<string, string>();
  for (const node of steps.graph.nodes) {
    const list = [onLoop.has(node.id) ? 'cycle' : '', node.id === selected ? 'selected' : ''].filter(Boolean);
    if (list.length > 0) classes.set(node.id, list.join(' '));
  }
  steps.graph.edges.forEach((edge, i) => {
    if (onLoop.has(edge.source) && onLoop.has(edge.target)) classes.set(edgeId(i), 'cycle');
  });
  return classes;
}

/** A flow's own step graph (menus, tasks, actions, loops) over the org view, with a way back. */
export function FlowStepsView({ flowId }: { flowId: string }) {
  const dispatch = useDispatch();
  const steps = useQuery(flowStepsQuery(flowId));
  const layout = useLayout(steps.data?.graph, steps.data?.layout);
  const [selected, setSelected] = useState<string | null>(null);
  const canvas = useRef<CanvasHandle>(null);
  const data = steps.data;
  const elements = useMemo(() => (data && layout ? toElements(data.graph, layout, { edgeLabels: true }) : []), [data, layout]);
  const classes = useMemo(() => (data ? stepClasses(data, selected) : new Map<string, string>()), [data, selected]);
  const step = data?.graph.nodes.find((node) => node.id === selected);

  const onEvent = (event: CanvasEvent) => {
    if (event.type === 'nodeTap') setSelected(event.id);
    if (event.type === 'backgroundTap') setSelected(null);
  };

  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label="Flow steps" data-testid="flow-steps">
      <div className="modal-header">
        <button type="button" className="button" data-testid="steps-back" onClick={() => dispatch({ type: 'closeFlow' })}>
          ← Back to org
        </button>
        <h2>{data?.flow.name ?? flowId}</h2>
        {data && (
          <span className="muted">
            {data.flow.type.toLowerCase()} · {data.flow.state} · {data.graph.nodes.length} steps · {data.cycles.length} loop(s)
          </span>
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
            readableZoom={0.75}
          />
        )}
        {data && <Legend nodes={data.graph.nodes} view="steps" />}
        {step && (
          <div className="step-card">
            <strong>{step.name}</strong>
            <small>{step.type}</small>
          </div>
        )}
      </div>
    </div>
  );
}
