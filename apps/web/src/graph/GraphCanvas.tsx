import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import svg from 'cytoscape-svg';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { LANDMARK_FONT_PX } from './landmarks.js';
import { BASE_FONT_SIZE, BASE_LABEL_WIDTH, stylesheet } from './stylesheet.js';
import { registerProbe } from './test-hook.js';

cytoscape.use(svg);

export type CanvasEvent = { type: 'nodeTap'; id: string } | { type: 'nodeDoubleTap'; id: string } | { type: 'backgroundTap' };

/** A request to move the view; `seq` makes the same ids re-centre when asked twice. */
export interface ViewRequest {
  ids: readonly string[];
  seq: number;
}

export interface CanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  png(): Promise<Blob>;
  svg(): string;
}

interface Props {
  /** Names this canvas in the test probe (`window.__flowgraph[name]`). */
  name: string;
  elements: ElementDefinition[];
  classes: ReadonlyMap<string, string>;
  view: ViewRequest | null;
  onEvent(event: CanvasEvent): void;
  handle?: Ref<CanvasHandle>;
  testId: string;
  /**
   * When fitting the whole graph would shrink labels below reading size (a long chain of steps),
   * open at this zoom instead, starting from the left edge where the flow starts.
   */
  readableZoom?: number;
  /**
   * Label by importance: given the zoom the graph opens at, the nodes whose labels stay readable
   * at any zoom (the rest show only when zoomed in far enough to read them).
   */
  landmarks?: ((zoom: number) => readonly string[]) | undefined;
}

/** Space around the graph when it is fitted, and left of a flow opened at a readable zoom (px). */
const FIT_PADDING = 30;
/** Zoom range: far enough out for 50,000 nodes, in until a label fills the screen. */
const MIN_ZOOM = 0.02;
const MAX_ZOOM = 3;
/** Above this many elements Cytoscape draws a cheaper frame (no edges, a texture) while panning. */
const LARGE_GRAPH_ELEMENTS = 6000;
/** A node jumped to is shown at least this zoom, where its label reads. */
const JUMP_ZOOM = 1.1;
/** Space around the nodes of a jump to several (a cycle) (px). */
const JUMP_PADDING = 80;
/** View animations (ms): short enough not to wait on, long enough to follow. */
const JUMP_MS = 250;
const FIT_MS = 200;
/** PNG exports at twice the screen's resolution, sharp in a document. */
const PNG_SCALE = 2;

/**
 * The one place that owns a Cytoscape instance. It is created when the elements change (a new
 * graph) and never re-laid out: positions are preset. Interaction arrives as classes and view
 * requests; clicks leave as typed events.
 */
export function GraphCanvas({ name, elements, classes, view, onEvent, handle, testId, readableZoom, landmarks }: Props) {
  const container = useRef<HTMLDivElement>(null);
  // Held in state so the effects below re-run against each new instance.
  const [cy, setCy] = useState<Core | null>(null);
  const applied = useRef(new Map<string, string>());
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const cy = cytoscape({
      container: element,
      elements,
      style: stylesheet,
      layout: { name: 'preset', fit: true, padding: FIT_PADDING },
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      boxSelectionEnabled: false,
      autoungrabify: true,
      // Large graphs: draw a cheaper frame while panning and zooming.
      hideEdgesOnViewport: elements.length > LARGE_GRAPH_ELEMENTS,
      textureOnViewport: elements.length > LARGE_GRAPH_ELEMENTS,
    });
    cy.on('tap', 'node', (event) => onEventRef.current({ type: 'nodeTap', id: event.target.id() }));
    cy.on('dbltap', 'node', (event) => onEventRef.current({ type: 'nodeDoubleTap', id: event.target.id() }));
    cy.on('tap', (event) => {
      if (event.target === cy) onEventRef.current({ type: 'backgroundTap' });
    });
    if (readableZoom !== undefined && cy.zoom() < readableZoom) {
      const box = cy.elements().boundingBox();
      cy.zoom(readableZoom);
      cy.pan({ x: FIT_PADDING - box.x1 * readableZoom, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * readableZoom });
    }
    const stopLandmarks = landmarks ? showLandmarks(cy, landmarks(cy.zoom())) : undefined;
    applied.current = new Map();
    setCy(cy);
    const unregister = registerProbe(name, cy, element);
    element.dataset.ready = 'true';
    return () => {
      unregister();
      stopLandmarks?.();
      element.dataset.ready = 'false';
      setCy(null);
      cy.destroy();
    };
  }, [elements, name, readableZoom, landmarks]);

  useEffect(() => {
    if (!cy) return;
    const last = applied.current;
    cy.batch(() => {
      for (const id of new Set([...last.keys(), ...classes.keys()])) {
        const next = classes.get(id) ?? '';
        if ((last.get(id) ?? '') === next) continue;
        cy.getElementById(id).classes(next);
        if (next === '') last.delete(id);
        else last.set(id, next);
      }
    });
  }, [cy, classes]);

  useEffect(() => {
    if (!cy || !view || view.ids.length === 0) return;
    const targets = view.ids.reduce((all, id) => all.union(cy.getElementById(id)), cy.collection());
    if (targets.empty()) return;
    // One node: centre it at a readable zoom; several (a cycle): fit them all.
    if (targets.length === 1) cy.animate({ center: { eles: targets }, zoom: Math.max(cy.zoom(), JUMP_ZOOM) }, { duration: JUMP_MS });
    else cy.animate({ fit: { eles: targets, padding: JUMP_PADDING } }, { duration: JUMP_MS });
  }, [cy, view]);

  useImperativeHandle(
    handle,
    () => ({
      fit: () => cy?.animate({ fit: { eles: cy.elements(':visible'), padding: FIT_PADDING } }, { duration: FIT_MS }),
      zoomBy(factor) {
        cy?.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      png: async () => (cy ? cy.png({ output: 'blob-promise', bg: '#ffffff', full: false, scale: PNG_SCALE }) : new Blob()),
      svg: () => cy?.svg({ full: false, bg: '#ffffff' }) ?? '',
    }),
    [cy],
  );

  const nodeCount = elements.reduce((count, element) => count + (element.group === 'nodes' ? 1 : 0), 0);
  return (
    <div
      ref={container}
      className="graph-canvas"
      data-testid={testId}
      data-node-count={nodeCount}
      data-edge-count={elements.length - nodeCount}
    />
  );
}

/**
 * Landmark labels keep a readable screen size while zooming out: their font is set per zoom
 * (a style bypass on those few nodes, once per frame) to LANDMARK_FONT_PX / zoom in model units,
 * never below the normal label size. Returns the listener's removal.
 */
function showLandmarks(cy: Core, ids: readonly string[]): () => void {
  const nodes = ids.reduce((all, id) => all.union(cy.getElementById(id)), cy.collection());
  nodes.data('landmark', true);
  let frame = 0;
  const resize = () => {
    frame = 0;
    const font = Math.max(BASE_FONT_SIZE, LANDMARK_FONT_PX / cy.zoom());
    nodes.style({ 'font-size': font, 'text-max-width': `${(font / BASE_FONT_SIZE) * BASE_LABEL_WIDTH}px` });
  };
  const onZoom = () => {
    if (frame === 0) frame = requestAnimationFrame(resize);
  };
  resize();
  // Landmark labels are wider than their nodes: fit again so none is cut at the edge, then size
  // them for the zoom that fit chose.
  cy.fit(undefined, FIT_PADDING);
  resize();
  cy.on('zoom', onZoom);
  return () => {
    cy.off('zoom', onZoom);
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
