/**
 * The react-cytoscapejs question measured in the browser: the same org-shaped graph (16k elements)
 * drawn by the app's canvas (GraphCanvas: react-cytoscapejs in React.memo, the adapter on its `cy`
 * callback) and by the bare binding with a minimal adapter, with and without React.memo, in
 * React's development build under StrictMode. `window.__binding` runs one interaction many times
 * and reports what the bench and the StrictMode test (e2e/binding.spec.ts) read.
 */
import { layeredLayout } from '@flowgraph/core';
import type { Core, ElementDefinition } from 'cytoscape';
import { memo, StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { ExportGraph } from '@flowgraph/core';
import { type CanvasEvent, GraphCanvas } from '../../src/graph/GraphCanvas.js';
import { toElements } from '../../src/graph/elements.js';
import { stylesheet } from '../../src/graph/stylesheet.js';

const params = new URLSearchParams(window.location.search);
const variant = params.get('variant') ?? 'canvas';
const nodeCount = Number(params.get('nodes') ?? 6400);

/** Org-shaped: mostly "lower index uses one a little higher", 1.5 edges per node (the bench's shape). */
function orgLike(n: number): ExportGraph {
  let seed = 1;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    kind: i % 3 === 0 ? ('resource' as const) : ('flow' as const),
    type: i % 3 === 0 ? 'DATAACTION' : 'COMMONMODULE',
    name: `Node ${i}`,
    state: 'published' as const,
  }));
  const edges: ExportGraph['edges'] = [];
  for (let i = 0; i < n * 1.5; i++) {
    const a = Math.floor(next() * n);
    const b = a + 1 + Math.floor(next() * 50);
    if (b < n) edges.push({ source: `n${a}`, target: `n${b}`, kind: 'uses' });
  }
  return { nodes, edges };
}

const graph = orgLike(nodeCount);
const layout = layeredLayout(graph);
const elements: ElementDefinition[] = toElements(graph, layout);

/** An interaction: select node i, highlight it and 200 nodes after it (an impact-sized set). */
function classesFor(selected: number): Map<string, string> {
  const classes = new Map<string, string>();
  classes.set(`n${selected}`, 'selected');
  for (let k = 1; k <= 200; k++) classes.set(`n${(selected + k) % nodeCount}`, 'downstream');
  return classes;
}

interface Report {
  /** Effects of the page's root run: 2 in React's development build under StrictMode. */
  effectMounts: number;
  instancesCreated: number;
  instancesDestroyed: number;
  liveInstanceIsDrawn: boolean;
  tapsSeen: number;
}
const report: Report = { effectMounts: 0, instancesCreated: 0, instancesDestroyed: 0, liveInstanceIsDrawn: false, tapsSeen: 0 };
let setSelection: (value: number) => void = () => {};
let current: Core | null = null;

/** The app's canvas as the app uses it; its clicks arrive as events. */
function AppCanvas({ selected }: { selected: number }) {
  const classes = useMemo(() => classesFor(selected), [selected]);
  const onEvent = useCallback((event: CanvasEvent) => {
    if (event.type === 'nodeTap') report.tapsSeen++;
  }, []);
  return <GraphCanvas name="bench" testId="bench" elements={elements} classes={classes} view={null} onEvent={onEvent} />;
}

/**
 * react-cytoscapejs with memoised elements; the adapter part (events, classes) hangs off the `cy`
 * callback. `memoised`: the component is wrapped in React.memo, so a selection does not re-render it.
 */
function Binding({ selected, memoised }: { selected: number; memoised: boolean }) {
  const [cy, setCy] = useState<Core | null>(null);
  const applied = useRef(new Map<string, string>());
  const onCy = useCallback((instance: Core) => {
    // Every instance handed over is followed: StrictMode hands over one it then destroys.
    if (current === instance) return;
    current = instance;
    report.instancesCreated++;
    instance.on('destroy', () => report.instancesDestroyed++);
    instance.on('tap', 'node', () => report.tapsSeen++);
    applied.current = new Map();
    setCy(instance);
  }, []);
  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    const next = classesFor(selected);
    const last = applied.current;
    cy.batch(() => {
      for (const id of new Set([...last.keys(), ...next.keys()])) {
        const value = next.get(id) ?? '';
        if ((last.get(id) ?? '') === value) continue;
        cy.getElementById(id).classes(value);
        if (value === '') last.delete(id);
        else last.set(id, value);
      }
    });
  }, [cy, selected]);
  return memoised ? <MemoCanvas onCy={onCy} /> : <Canvas onCy={onCy} />;
}

const options = { minZoom: 0.02, maxZoom: 3 };
const style = { width: '100%', height: '100%' };
const layoutOptions = { name: 'preset', fit: true, padding: 30 };

function Canvas({ onCy }: { onCy(cy: Core): void }) {
  return (
    <CytoscapeComponent
      elements={elements}
      stylesheet={stylesheet}
      layout={layoutOptions}
      cy={onCy}
      style={style}
      {...options}
      hideEdgesOnViewport
      textureOnViewport
    />
  );
}
const MemoCanvas = memo(Canvas);

function App() {
  const [selected, setSelected] = useState(0);
  setSelection = setSelected;
  useEffect(() => {
    report.effectMounts++;
  }, []);
  if (variant === 'react-cytoscapejs') return <Binding selected={selected} memoised={false} />;
  if (variant === 'react-cytoscapejs-memo') return <Binding selected={selected} memoised={true} />;
  return <AppCanvas selected={selected} />;
}

declare global {
  interface Window {
    __binding?: { elements: number; report: Report; interact(times: number): Promise<number[]>; tapFirstNode(): void };
  }
}

window.__binding = {
  elements: elements.length,
  report,
  /** Each run: one selection change, committed synchronously; the time includes React and the class diff. */
  async interact(times) {
    const durations: number[] = [];
    for (let i = 1; i <= times; i++) {
      const start = performance.now();
      flushSync(() => setSelection((i * 97) % nodeCount));
      durations.push(performance.now() - start);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    }
    report.liveInstanceIsDrawn = current !== null && !current.destroyed() && current.container()?.isConnected === true;
    return durations;
  },
  tapFirstNode() {
    current?.getElementById('n0').emit('tap');
  },
};

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
