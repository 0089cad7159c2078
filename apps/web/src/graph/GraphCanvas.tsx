import cytoscape, { type Core, type ElementDefinition, type EventObject, type StylesheetJson } from 'cytoscape';
import svg from 'cytoscape-svg';
import { type HTMLAttributes, memo, type Ref, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import { applyClasses } from './apply-classes.js';
import { hitTesterOf, installHitIndex, withNodeHitsOnly } from './hit-index.js';
import { LANDMARK_FONT_PX } from './landmarks.js';
import { isDimPlate, setDimmed, withDimming } from './dimming.js';
import { type Box, fitView } from './opening-view.js';
import { BASE_FONT_SIZE, BASE_LABEL_WIDTH, stylesheet } from './stylesheet.js';
import { chooseRenderer, probeGpu, type RendererName, rendererSetting } from './renderer-choice.js';
import { registerProbe } from './test-hook.js';

cytoscape.use(svg);

export type CanvasEvent = { type: 'nodeTap'; id: string } | { type: 'nodeDoubleTap'; id: string } | { type: 'backgroundTap' };

/** A request to move the view; `seq` makes the same ids re-centre when asked twice. */
export interface ViewRequest {
  ids: readonly string[];
  seq: number;
}

/** `full`: the whole diagram at print quality; otherwise what the viewport shows. */
export interface ImageOptions {
  full?: boolean;
}

export interface CanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  png(options?: ImageOptions): Promise<Blob>;
  svg(options?: ImageOptions): string;
}

/** Print quality: three image pixels per model unit (a 12 px label is 36 px high), within what browsers can allocate. */
const PRINT_SCALE = 3;
const MAX_IMAGE_SIDE = 12_000;

interface Props {
  /** Names this canvas in the test probe (`window.__flowgraph[name]`). */
  name: string;
  elements: ElementDefinition[];
  /**
   * Elements added to the live instance when it lacks them, before the classes are applied, and
   * kept while it lives: what the level of detail left out and a highlight now touches.
   */
  more?: readonly ElementDefinition[];
  /** Class strings of the elements that have a role; others have none. */
  classes: ReadonlyMap<string, string>;
  /** Everything without a role drawn faded (the org view's highlight; see `withDimming`). */
  dimmed?: boolean;
  view: ViewRequest | null;
  onEvent(event: CanvasEvent): void;
  handle?: Ref<CanvasHandle>;
  testId: string;
  /** Nodes of the graph drawn (`data-node-count`) when some node elements are only drawing (column bands). */
  nodeCount?: number;
  /** The look; the org view's by default. */
  style?: StylesheetJson;
  /** How the canvas opens and what Fit does: the whole graph, within readable zooms. */
  opening?: Opening | undefined;
  /**
   * Label by importance: given the zoom the graph opens at, the nodes whose labels stay readable
   * at any zoom (the rest show only when zoomed in far enough to read them).
   */
  landmarks?: ((zoom: number) => readonly string[]) | undefined;
  /**
   * The drawing's extent in model units, known without measuring (positions, node and label sizes),
   * given the landmarks and their font: the canvas opens fitted to it instead of having Cytoscape
   * measure every element's bounding box before the view can open (see `opening-view.ts`).
   */
  modelBox?: ((landmarks: readonly string[], landmarkFont: number) => Box) | undefined;
  /**
   * New elements of the same view (a re-crawl, a re-read file): while this key stays the same the
   * zoom and pan are kept instead of fitting the new graph, so a live update does not move the view.
   */
  viewKey?: string;
  /** A node to keep on screen at a readable zoom as it changes (the keyboard cursor). */
  keepInView?: string | null;
  /** More attributes of the container (the keyboard: focusable, named, its key handler). */
  container?: HTMLAttributes<HTMLDivElement>;
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
/** A node kept in view stays this far inside the canvas's edges (px): its label and ring with it. */
const KEEP_MARGIN = 90;
/** View animations (ms): short enough not to wait on, long enough to follow. */
const JUMP_MS = 250;
const FIT_MS = 200;
/** PNG exports of the view at twice the screen's resolution, sharp in a document. */
const PNG_SCALE = 2;

/**
 * Fit, but never so far out that labels shrink below reading size, nor so far in that a small
 * diagram shouts. Below `minZoom` the canvas opens at `minZoom` around `anchor`: the left edge
 * (a flow starts there) or the named nodes (the focus, a cycle's members).
 */
export interface Opening {
  minZoom: number;
  maxZoom?: number;
  anchor: 'start' | readonly string[];
  padding?: number;
}

function open(cy: Core, opening: Opening | undefined, animate: boolean): void {
  const padding = opening?.padding ?? FIT_PADDING;
  const everything = cy.elements(':visible').filter((element) => !isDimPlate(element));
  if (!opening) {
    if (animate) cy.animate({ fit: { eles: everything, padding } }, { duration: FIT_MS });
    else cy.fit(everything, padding);
    return;
  }
  cy.fit(everything, padding);
  const fitted = cy.zoom();
  const zoom = Math.min(Math.max(fitted, opening.minZoom), opening.maxZoom ?? Number.POSITIVE_INFINITY);
  if (zoom === fitted) return;
  const box = everything.boundingBox();
  let pan: { x: number; y: number };
  if (zoom > fitted) {
    // Too small at fit: keep the readable zoom around the anchor.
    const anchor =
      opening.anchor === 'start'
        ? { x: box.x1 + (cy.width() / 2 - padding) / zoom, y: (box.y1 + box.y2) / 2 }
        : centreOf(cy, opening.anchor, box);
    pan = { x: cy.width() / 2 - anchor.x * zoom, y: cy.height() / 2 - anchor.y * zoom };
  } else {
    // Small diagram: centred at the largest comfortable zoom.
    pan = { x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * zoom, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * zoom };
  }
  if (animate) cy.animate({ zoom, pan }, { duration: FIT_MS });
  else cy.viewport({ zoom, pan });
}

function centreOf(
  cy: Core,
  ids: readonly string[],
  fallback: { x1: number; x2: number; y1: number; y2: number },
): { x: number; y: number } {
  const nodes = ids.reduce((all, id) => all.union(cy.getElementById(id)), cy.collection());
  const box = nodes.empty() ? fallback : nodes.boundingBox();
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
}

/**
 * Layout of the binding's instance: positions are preset (computed off the main thread or by core)
 * and fitted. A canvas that fits a known box runs no layout: its elements come with their positions.
 */
const PRESET_LAYOUT = { name: 'preset', fit: true, padding: FIT_PADDING } as const;
const FILL = { width: '100%', height: '100%' } as const;

interface BindingProps {
  elements: ElementDefinition[];
  style: StylesheetJson;
  onCy(cy: Core): void;
  webgl: boolean;
  fit: boolean;
}

/**
 * react-cytoscapejs, memoised: it renders only when the graph or the look changes, so an
 * interaction (a selection, a filter) never re-runs its element diff over every element.
 * Constructor-only options (the cheap frame while panning) follow from the graph's size.
 */
const Binding = memo(function Binding({ elements, style, onCy, webgl, fit }: BindingProps) {
  // WebGL redraws a moving view from its textures anyway: the cheap frame is the canvas renderer's.
  const large = elements.length > LARGE_GRAPH_ELEMENTS && !webgl;
  return (
    <CytoscapeComponent
      elements={elements}
      stylesheet={style}
      layout={fit ? PRESET_LAYOUT : undefined}
      cy={onCy}
      style={FILL}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      boxSelectionEnabled={false}
      autoungrabify
      hideEdgesOnViewport={large}
      textureOnViewport={large}
    />
  );
});

/** Read as the page loads, before it rewrites its address (`?renderer=`). */
const RENDERER_SETTING = typeof window === 'undefined' ? 'auto' : rendererSetting();
let chosenRenderer: RendererName | undefined;

/** The page's renderer (see `renderer-choice.ts`), chosen when the first canvas is drawn. */
function pageRenderer(): RendererName {
  if (chosenRenderer === undefined) {
    chosenRenderer = chooseRenderer(RENDERER_SETTING, probeGpu());
    if (chosenRenderer === 'webgl') startRenderersWithWebgl();
  }
  return chosenRenderer;
}

/**
 * react-cytoscapejs hands Cytoscape a fixed list of options, without `renderer`: the WebGL switch
 * (a renderer option) is added where each instance starts its renderer, for every canvas of the page.
 */
function startRenderersWithWebgl(): void {
  type RendererOptions = { name: string; webgl?: boolean };
  const core = Object.getPrototypeOf(cytoscape({ headless: true })) as { initRenderer(this: Core, options: RendererOptions): void };
  const start = core.initRenderer;
  core.initRenderer = function (this: Core, options: RendererOptions) {
    start.call(this, options.name === 'canvas' ? { ...options, webgl: true } : options);
  };
}

/** A new key per graph (elements array) and look: a new graph gets a new instance, opened afresh. */
const generations = new WeakMap<object, number>();
let nextGeneration = 0;
function generationOf(value: object): number {
  let generation = generations.get(value);
  if (generation === undefined) {
    generation = nextGeneration++;
    generations.set(value, generation);
  }
  return generation;
}

/**
 * The one adapter of a canvas: react-cytoscapejs creates and draws the Cytoscape instance and
 * hands it over through its `cy` callback; everything else happens here. Interaction arrives as
 * classes and view requests; clicks leave as typed events. Every instance handed over is treated
 * as new (StrictMode mounts the binding twice in development and destroys the first instance),
 * and positions are preset, never re-laid out.
 */
export function GraphCanvas(props: Props) {
  const {
    name,
    elements,
    more,
    classes,
    dimmed = false,
    view,
    onEvent,
    handle,
    testId,
    style = stylesheet,
    opening,
    landmarks,
    modelBox,
    viewKey,
  } = props;
  // Every instance can dim (see `withDimming`): a highlight then never switches the stylesheet. Only nodes take the pointer.
  const dimmableStyle = useMemo(() => withDimming(withNodeHitsOnly(style)), [style]);
  const renderer = pageRenderer();
  const container = useRef<HTMLDivElement>(null);
  // The live instance, held in state so the effects below re-run against each new one.
  const [cy, setCy] = useState<Core | null>(null);
  const onCy = useCallback((instance: Core) => setCy((current) => (current === instance ? current : instance)), []);
  /** What the live instance shows: the classes applied, and whether dimmed. */
  const applied = useRef({ instance: null as Core | null, classes: new Map<string, string>(), dimmed: false });
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const kept = useRef<{ key: string; zoom: number; pan: { x: number; y: number } } | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!cy || cy.destroyed() || !element) return;
    const onTap = (event: EventObject) => onEventRef.current({ type: 'nodeTap', id: event.target.id() });
    const onDoubleTap = (event: EventObject) => onEventRef.current({ type: 'nodeDoubleTap', id: event.target.id() });
    const onBackgroundTap = (event: EventObject) => {
      if (event.target === cy) onEventRef.current({ type: 'backgroundTap' });
    };
    cy.on('tap', 'node', onTap);
    cy.on('dbltap', 'node', onDoubleTap);
    cy.on('tap', onBackgroundTap);
    // The view of this key, followed as it moves: the next instance of the same key opens there.
    const previous = kept.current;
    const restored = viewKey !== undefined && previous?.key === viewKey;
    const fitBox =
      modelBox && ((box: Box) => cy.viewport(fitView(box, cy.width(), cy.height(), FIT_PADDING, { min: MIN_ZOOM, max: MAX_ZOOM })));
    if (restored) cy.viewport({ zoom: previous.zoom, pan: previous.pan });
    else if (fitBox) fitBox(modelBox([], BASE_FONT_SIZE));
    else if (opening) open(cy, opening, false);
    const keepView = () => {
      if (viewKey !== undefined) kept.current = { key: viewKey, zoom: cy.zoom(), pan: { ...cy.pan() } };
    };
    keepView();
    cy.on('viewport', keepView);
    let stopLandmarks: (() => void) | undefined;
    if (landmarks) {
      const ids = landmarks(cy.zoom());
      const refit = fitBox ? (font: number) => fitBox(modelBox(ids, font)) : () => cy.fit(undefined, FIT_PADDING);
      stopLandmarks = showLandmarks(cy, ids, restored ? undefined : refit);
    }
    const unregister = registerProbe(name, cy, element);
    // WebGL finds what is under the pointer its own way (a picking texture).
    const tester = pageRenderer() === 'webgl' ? undefined : hitTesterOf(cy);
    const stopHitIndex = tester ? installHitIndex(cy, tester) : undefined;
    element.dataset.ready = 'true';
    return () => {
      unregister();
      element.dataset.ready = 'false';
      if (cy.destroyed()) return;
      stopHitIndex?.();
      stopLandmarks?.();
      cy.off('tap', 'node', onTap);
      cy.off('dbltap', 'node', onDoubleTap);
      cy.off('tap', onBackgroundTap);
      cy.off('viewport', keepView);
    };
  }, [cy, name, opening, landmarks, modelBox, viewKey]);

  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    if (applied.current.instance !== cy) applied.current = { instance: cy, classes: new Map(), dimmed: false };
    const missing = more?.filter((element) => cy.getElementById(String(element.data.id)).empty()) ?? [];
    if (missing.length > 0) cy.add(missing);
    applyClasses(cy, applied.current.classes, classes);
    if (applied.current.dimmed !== dimmed) {
      setDimmed(cy, dimmed);
      applied.current.dimmed = dimmed;
    }
  }, [cy, more, classes, dimmed]);

  // A jump is made once: a live update's new instance keeps the view instead of replaying the last jump.
  const jumped = useRef<ViewRequest | null>(null);
  useEffect(() => {
    if (!cy || cy.destroyed() || !view || view.ids.length === 0 || jumped.current === view) return;
    const targets = view.ids.reduce((all, id) => all.union(cy.getElementById(id)), cy.collection());
    if (targets.empty()) return;
    jumped.current = view;
    // One node: centre it at a readable zoom; several (a cycle): fit them all.
    if (targets.length === 1) cy.animate({ center: { eles: targets }, zoom: Math.max(cy.zoom(), JUMP_ZOOM) }, { duration: JUMP_MS });
    else cy.animate({ fit: { eles: targets, padding: JUMP_PADDING } }, { duration: JUMP_MS });
  }, [cy, view]);

  // The keyboard cursor: moved only when it leaves the screen or is too small to read, so the view does not jump at each key.
  const keepInView = props.keepInView ?? null;
  useEffect(() => {
    if (!cy || cy.destroyed() || keepInView === null) return;
    const node = cy.getElementById(keepInView);
    if (node.empty()) return;
    const at = node.renderedPosition();
    const inside = at.x >= KEEP_MARGIN && at.y >= KEEP_MARGIN && at.x <= cy.width() - KEEP_MARGIN && at.y <= cy.height() - KEEP_MARGIN;
    if (inside && cy.zoom() >= JUMP_ZOOM) return;
    cy.stop(true);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), JUMP_ZOOM) }, { duration: JUMP_MS });
  }, [cy, keepInView]);

  useImperativeHandle(handle, () => {
    const live = cy && !cy.destroyed() ? cy : null;
    return {
      fit: () => {
        if (live) open(live, opening, true);
      },
      zoomBy(factor) {
        live?.zoom({ level: live.zoom() * factor, renderedPosition: { x: live.width() / 2, y: live.height() / 2 } });
      },
      png: async (options = {}) => {
        if (!live) return new Blob();
        if (!options.full) return live.png({ output: 'blob-promise', bg: '#ffffff', full: false, scale: PNG_SCALE });
        return live.png({
          output: 'blob-promise',
          bg: '#ffffff',
          full: true,
          scale: PRINT_SCALE,
          maxWidth: MAX_IMAGE_SIDE,
          maxHeight: MAX_IMAGE_SIDE,
        });
      },
      svg: (options = {}) => live?.svg({ full: options.full === true, bg: '#ffffff' }) ?? '',
    };
  }, [cy, opening]);

  const nodeElements = elements.reduce((count, element) => count + (element.group === 'nodes' ? 1 : 0), 0);
  const nodeCount = props.nodeCount ?? nodeElements;
  return (
    <div
      {...props.container}
      ref={container}
      className="graph-canvas"
      data-testid={testId}
      data-dimmed={dimmed}
      data-node-count={nodeCount}
      data-edge-count={elements.length - nodeElements}
      data-renderer={renderer}
    >
      <Binding
        key={`${generationOf(elements)}.${generationOf(dimmableStyle)}`}
        elements={elements}
        style={dimmableStyle}
        onCy={onCy}
        webgl={renderer === 'webgl'}
        fit={modelBox === undefined}
      />
    </div>
  );
}

/**
 * Landmark labels keep a readable screen size while zooming out: their font is set per zoom
 * (a style bypass on those few nodes, once per frame) to LANDMARK_FONT_PX / zoom in model units,
 * never below the normal label size; `refit` fits the view again to the wider labels, given
 * their font. Returns the listener's removal.
 */
function showLandmarks(cy: Core, ids: readonly string[], refit: ((font: number) => void) | undefined): () => void {
  const nodes = ids.reduce((all, id) => all.union(cy.getElementById(id)), cy.collection());
  nodes.data('landmark', true);
  let frame = 0;
  const fontAt = (zoom: number) => Math.max(BASE_FONT_SIZE, LANDMARK_FONT_PX / zoom);
  const resize = () => {
    frame = 0;
    const font = fontAt(cy.zoom());
    nodes.style({ 'font-size': font, 'text-max-width': `${(font / BASE_FONT_SIZE) * BASE_LABEL_WIDTH}px` });
  };
  const onZoom = () => {
    if (frame === 0) frame = requestAnimationFrame(resize);
  };
  resize();
  // Landmark labels are wider than their nodes: fit again so none is cut at the edge, then size
  // them for the zoom that fit chose. A kept view (a live update) is not moved.
  if (refit) {
    refit(fontAt(cy.zoom()));
    resize();
  }
  cy.on('zoom', onZoom);
  return () => {
    cy.off('zoom', onZoom);
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
