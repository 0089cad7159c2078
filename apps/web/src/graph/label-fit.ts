import { BASE_FONT_SIZE, BASE_LABEL_WIDTH, FONT_FAMILY } from './stylesheet.js';

/** Width of a text in the label font (model units at zoom 1). */
export type MeasureText = (text: string) => number;

/**
 * Room for a label: the node style's `text-max-width`, less a share so that the semi-bold landmark
 * labels (the same width scaled with their font) fit as well.
 */
const LABEL_ROOM = BASE_LABEL_WIDTH * 0.92;
const ELLIPSIS = '\u2026';

/**
 * A node's label cut to the width Cytoscape draws, keeping its suffix (a level-of-detail count,
 * `(+6)`) whole: `Send SMS and Create Su… (+6)`. Cytoscape would cut it by measuring the text one
 * more character at a time, dozens of measurements per label on the main thread (seconds at
 * 10,000 flows) and the count lost; here a binary search, in the graph worker, and Cytoscape's
 * own check then finds that it fits.
 */
export function fitLabel(name: string, suffix: string, measure: MeasureText, room = LABEL_ROOM): string {
  if (measure(name + suffix) <= room) return name + suffix;
  // The longest prefix that fits with the ellipsis: `fits` always does, `over` never.
  let fits = 0;
  let over = name.length;
  while (over - fits > 1) {
    const middle = (fits + over) >> 1;
    if (measure(name.slice(0, middle).trimEnd() + ELLIPSIS + suffix) <= room) fits = middle;
    else over = middle;
  }
  return name.slice(0, fits).trimEnd() + ELLIPSIS + suffix;
}

/** The label font measured with an OffscreenCanvas (in a worker too); undefined where there is none (Node). */
export function labelMeasure(): MeasureText | undefined {
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return undefined;
  context.font = `normal normal ${BASE_FONT_SIZE}px ${FONT_FAMILY}`;
  return (text) => context.measureText(text).width;
}
