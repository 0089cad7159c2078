import type { ChangeMarks } from './palette.js';

/**
 * Marks drawn inside a node as a background image (SVG data URIs), for what must read without
 * colour but is not a highlight role's border: the unpublished hatching and the change glyphs.
 * Paths rather than text, so the glyph does not depend on a font the image cannot load.
 */

function svgUri(width: number, height: number, body: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`)}`;
}

/**
 * Diagonal stripes 6 model units apart, larger than any node (a scope box is 160 × 32) and
 * clipped to it, so the stripes keep one density on every node size.
 */
export function hatch(stripe: string, opacity: number): string {
  return svgUri(
    320,
    64,
    `<defs><pattern id="h" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2.5" height="6" fill="${stripe}" fill-opacity="${opacity}"/></pattern></defs><rect width="320" height="64" fill="url(#h)"/>`,
  );
}

/** Each glyph's strokes, centred on an org node (26 × 22). */
const GLYPH_PATHS: Readonly<Record<ChangeMarks['glyph'], string>> = {
  '+': 'M13 5v12M7 11h12',
  '~': 'M6 12.5c2.5-4 4.5-4 7-1.5s4.5 2.5 7-1.5',
  '−': 'M7 11h12',
};

/** A change's glyph in dark ink (every change fill is light), drawn over the node's fill. */
export function glyph(mark: ChangeMarks['glyph']): string {
  return svgUri(
    26,
    22,
    `<path d="${GLYPH_PATHS[mark]}" fill="none" stroke="#0f172a" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>`,
  );
}

/** The background properties that draw one such image centred and unscaled, clipped to the node. */
export function imageFill(uri: string) {
  return { 'background-image': uri, 'background-fit': 'none', 'background-clip': 'node' } as const;
}
