/** Characters per label line: names wrap at word boundaries so a box stays about this wide. */
export const LABEL_LINE_LENGTH = 24;

/**
 * A long name as lines of at most `width` characters, broken after spaces, `-`, `_`, `/` or `.`
 * where it can and inside a word only when one word is longer than a line.
 */
export function wrapLabel(text: string, width = LABEL_LINE_LENGTH): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > width) {
    const window = rest.slice(0, width + 1);
    let cut = Math.max(window.lastIndexOf(' '), ...['-', '_', '/', '.'].map((char) => window.lastIndexOf(char) + 1));
    if (cut < width / 3) cut = width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || lines.length === 0) lines.push(rest);
  return lines;
}
