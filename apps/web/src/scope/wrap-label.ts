/** Width of a text in the label font, in model units. */
export type Measure = (text: string) => number;

/** Where a name may break: after a space (dropped), `-`, `_`, `/` or `.` (kept). */
const BREAK_AFTER = ['-', '_', '/', '.'];

/**
 * A name in at most `maxLines` lines no wider than `width`, broken where people would break it
 * and inside a word only when one word is longer than a line; the last line ends in `…` when the
 * name goes on. Measured, not counted: the same 24 characters are 130 px in one font and 165 px
 * in another.
 */
export function wrapToWidth(text: string, width: number, measure: Measure, maxLines = 2): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest !== '' && lines.length < maxLines - 1 && measure(rest) > width) {
    const fit = longestFitting(rest, width, measure);
    const window = rest.slice(0, fit + 1);
    const breaks = [window.lastIndexOf(' '), ...BREAK_AFTER.map((char) => window.lastIndexOf(char) + 1).filter((at) => at <= fit)];
    const cut = Math.max(...breaks) >= fit / 3 ? Math.max(...breaks) : fit;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest === '') return lines.length === 0 ? [''] : lines;
  if (measure(rest) <= width) return [...lines, rest];
  const fit = longestFitting(rest, width - measure('…'), measure);
  // Cut at a word when one ends in the second half of the line: `Voice Channel…`, not `Voice Chan…`.
  const space = rest.slice(0, fit + 1).lastIndexOf(' ');
  const cut = space >= fit / 2 ? space : fit;
  return [...lines, `${rest.slice(0, cut).trimEnd()}…`];
}

/** The most leading characters of `text` that fit `width` (at least one): a binary search, O(log n) measures. */
function longestFitting(text: string, width: number, measure: Measure): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (measure(text.slice(0, middle)) <= width) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Characters per line core's exporters wrap names at (exporters/wrap.ts). */
const LINE_CHARACTERS = 24;

/** Without a browser (tests, workers): 24 characters to the box's width, as core's exporters wrap. */
export function countingMeasure(width: number): Measure {
  return (text) => (text.length * width) / LINE_CHARACTERS;
}

const canvasMeasures = new Map<string, Measure>();

/**
 * Text width as the browser draws `font` (Cytoscape draws labels on a canvas with the same font
 * string), memoised per font and text; the counting measure where there is no canvas.
 */
export function browserMeasure(font: string, fallbackWidth: number): Measure {
  const known = canvasMeasures.get(font);
  if (known !== undefined) return known;
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return countingMeasure(fallbackWidth);
  const widths = new Map<string, number>();
  const measure: Measure = (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      context.font = font;
      width = context.measureText(text).width;
      widths.set(text, width);
    }
    return width;
  };
  canvasMeasures.set(font, measure);
  return measure;
}
