import { ENTRY_FLOW_TYPES, type Point } from '@flowgraph/core';
import type { ExportGraph } from '@flowgraph/core';

/** Rendered size of a landmark label at fit, in screen pixels: readable, not shouting. */
export const LANDMARK_FONT_PX = 12;
/** The most labels a fitted org view gets; more would be a wall of text. */
const MAX_LANDMARKS = 40;
/** Width of one (semi-bold, sans-serif) character as a share of the font size, with room to spare, for the overlap test. */
const CHAR_WIDTH = 0.66;
const LABEL_CHARS = 32;
/** Clear space kept between two landmark labels on one row, in characters: labels that touch read as one. */
const LABEL_GAP_CHARS = 2;

/**
 * How much a node matters for orientation, highest first: entry flows by how much they use
 * (where calls come in), everything else by how many use it (shared modules and resources).
 * Entry flows and common modules outrank resources at equal counts: they are what an architect
 * names when describing the org.
 */
export function importance(graph: ExportGraph): Map<string, number> {
  const usedBy = new Map<string, number>();
  const uses = new Map<string, number>();
  for (const edge of graph.edges) {
    if (edge.source === edge.target) continue;
    uses.set(edge.source, (uses.get(edge.source) ?? 0) + 1);
    usedBy.set(edge.target, (usedBy.get(edge.target) ?? 0) + 1);
  }
  const scores = new Map<string, number>();
  for (const node of graph.nodes) {
    const entry = node.kind === 'flow' && ENTRY_FLOW_TYPES.has(node.type as never);
    const count = entry ? (uses.get(node.id) ?? 0) : (usedBy.get(node.id) ?? 0);
    if (count === 0) continue;
    const weight = entry || node.type === 'COMMONMODULE' ? 1.5 : 1;
    scores.set(node.id, count * weight);
  }
  return scores;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Label by importance: the most important nodes whose labels, drawn at `LANDMARK_FONT_PX` at
 * the given zoom, overlap neither each other nor another landmark's node. Greedy in order of
 * importance, so a label is only dropped for a more important one. Positions are model
 * coordinates; `zoom` is the fitted zoom, so boxes are sized as they will be seen.
 */
export function pickLandmarks(
  positions: Readonly<Record<string, Point>>,
  labels: ReadonlyMap<string, string>,
  scores: ReadonlyMap<string, number>,
  zoom: number,
): string[] {
  const font = LANDMARK_FONT_PX / zoom;
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const taken: Box[] = [];
  const chosen: string[] = [];
  for (const [id] of ranked) {
    if (chosen.length >= MAX_LANDMARKS) break;
    const at = positions[id];
    if (!at) continue;
    const width = Math.min(labels.get(id)?.length ?? id.length, LABEL_CHARS) * CHAR_WIDTH * font;
    // The label hangs under the node, as the stylesheet draws it; the box covers node and label.
    // Half the gap on each side, so two boxes that do not overlap are a whole gap apart.
    const gap = (LABEL_GAP_CHARS * CHAR_WIDTH * font) / 2;
    const box = { x1: at.x - width / 2 - gap, x2: at.x + width / 2 + gap, y1: at.y - font, y2: at.y + 2.4 * font };
    if (taken.some((other) => box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2)) continue;
    taken.push(box);
    chosen.push(id);
  }
  return chosen;
}
