import type { ElementDefinition, Position } from 'cytoscape';
import type { MeasureText } from './label-fit.js';
import { BASE_FONT_SIZE, BASE_LABEL_WIDTH, LABEL_MARGIN_Y, NODE_SIZE } from './stylesheet.js';

/** A box in model units. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** Beyond a node's size, its border and the margin Cytoscape keeps around it (1.5 units with the org style). */
const NODE_MARGIN = 2;
/** How far an arc over a row of nodes (`edge[?arc]`: 40 units off the line, peaking at half) rises above it, its width included. */
const ARC_RISE = 22;
/** A label's height as a share of its font size, its background's padding included (with room to spare). */
const LABEL_LINE = 1.4;
/** Semi-bold (a landmark label) is at most this much wider than the regular font measured. */
const BOLD_WIDTH = 1.1;
/** Width of a character as a share of the font size, where no canvas measures (Node): a wide one, so the box errs large. */
const CHAR_WIDTH = 0.66;

/**
 * What the org canvas draws, in model units, from its element definitions alone: each node's box,
 * its label hung below it (`text-valign: bottom`) and cut to the label width, the arcs over the top
 * row, and the landmark labels at the font they are drawn with at the zoom chosen. Cytoscape's own
 * fit measures every element's bounding box instead, which makes it compute every element's style,
 * label size and edge curve first, in the task that opens the page (3 s of 8 at 10,000 demo flows);
 * the first frame computes them anyway, after the page is ready.
 * Only the labels of nodes near the left and right edges can widen the box: only those are measured.
 */
export function drawingBox(
  elements: readonly ElementDefinition[],
  measure: MeasureText | undefined,
  landmarks: ReadonlySet<string> = new Set(),
  landmarkFont = BASE_FONT_SIZE,
): Box {
  const nodes = elements.filter(
    (element): element is ElementDefinition & { position: Position } => element.group === 'nodes' && element.position !== undefined,
  );
  const halfWidth = NODE_SIZE.width / 2 + NODE_MARGIN;
  const halfHeight = NODE_SIZE.height / 2 + NODE_MARGIN;
  const box = { x1: Number.POSITIVE_INFINITY, y1: Number.POSITIVE_INFINITY, x2: Number.NEGATIVE_INFINITY, y2: Number.NEGATIVE_INFINITY };
  for (const { position } of nodes) {
    box.x1 = Math.min(box.x1, position.x - halfWidth);
    box.x2 = Math.max(box.x2, position.x + halfWidth);
    box.y1 = Math.min(box.y1, position.y - Math.max(halfHeight, ARC_RISE));
    box.y2 = Math.max(box.y2, position.y + halfHeight + LABEL_MARGIN_Y + LABEL_LINE * BASE_FONT_SIZE);
  }
  if (nodes.length === 0) return { x1: 0, y1: 0, x2: 0, y2: 0 };
  const regular = { x1: box.x1, x2: box.x2 };
  const labelWidth = (text: string) => Math.min(measure ? measure(text) : text.length * CHAR_WIDTH * BASE_FONT_SIZE, BASE_LABEL_WIDTH);
  for (const { data, position } of nodes) {
    const id = String(data.id);
    const text = String(data.label ?? '');
    if (landmarks.has(id)) {
      // A landmark label: the node's label at a larger font, its width limit scaled with it.
      const scale = landmarkFont / BASE_FONT_SIZE;
      const half = (Math.min(labelWidth(text) * BOLD_WIDTH, BASE_LABEL_WIDTH) * scale) / 2;
      box.x1 = Math.min(box.x1, position.x - half);
      box.x2 = Math.max(box.x2, position.x + half);
      box.y2 = Math.max(box.y2, position.y + halfHeight + LABEL_MARGIN_Y + LABEL_LINE * landmarkFont);
    } else if (position.x - BASE_LABEL_WIDTH / 2 < regular.x1 || position.x + BASE_LABEL_WIDTH / 2 > regular.x2) {
      const half = labelWidth(text) / 2;
      box.x1 = Math.min(box.x1, position.x - half);
      box.x2 = Math.max(box.x2, position.x + half);
    }
  }
  return box;
}

/** The zoom and pan that show the whole box centred with `padding` screen pixels around it, within the zoom limits (as Cytoscape's fit). */
export function fitView(box: Box, width: number, height: number, padding: number, limits: { min: number; max: number }): Viewport {
  const boxWidth = Math.max(box.x2 - box.x1, 1);
  const boxHeight = Math.max(box.y2 - box.y1, 1);
  const fitted = Math.min((width - 2 * padding) / boxWidth, (height - 2 * padding) / boxHeight);
  const zoom = Math.min(Math.max(fitted, limits.min), limits.max);
  return { zoom, pan: { x: (width - zoom * (box.x1 + box.x2)) / 2, y: (height - zoom * (box.y1 + box.y2)) / 2 } };
}
