/**
 * The classes that show interaction state on canvas elements: the visual state (and the step
 * view and Changes mode) set them, the stylesheet styles each. One union, so neither can use a
 * class the other does not know; a unit test checks that every one has a style.
 */
export const VISUAL_CLASSES = [
  'selected',
  'upstream',
  'downstream',
  'cycle',
  'match',
  'hidden',
  'finding-error',
  // The keyboard cursor (keyboard-nav.ts): a focus ring, drawn above the dimming and the level of detail.
  'keyboard-focus',
  // Files mode: a flow shown from the last good version of a file that is now broken.
  'stale',
  // Changes mode: what a diff added, changed and removed, and the cycles it introduced.
  'change-added',
  'change-changed',
  'change-removed',
  'change-cycle',
] as const;
export type VisualClass = (typeof VISUAL_CLASSES)[number];

/** A stylesheet selector for elements with the class: `node.cycle`, `edge.match`, `.hidden`. */
export function withClass(name: VisualClass, group: 'node' | 'edge' | '' = ''): string {
  return `${group}.${name}`;
}

/** The class string Cytoscape takes. */
export function classString(names: readonly VisualClass[]): string {
  return names.join(' ');
}
