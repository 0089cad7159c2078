/** A cell's text and how to paint it; padding is computed on the plain text so colour never skews columns. */
export interface Cell {
  text: string;
  paint?: (text: string) => string;
  align?: 'left' | 'right';
}

/** Rows of cells -> lines with aligned columns (the last column is not padded). */
export function renderTable(rows: Array<Array<Cell | string>>, indent = ''): string[] {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? { text: cell } : cell)));
  const widths: number[] = [];
  for (const row of cells) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.text.length);
    });
  }
  return cells.map((row) => {
    const parts = row.map((cell, column) => {
      const isLast = column === row.length - 1;
      const gap = (widths[column] ?? 0) - cell.text.length;
      const padded = cell.align === 'right' ? ' '.repeat(gap) + cell.text : isLast ? cell.text : cell.text + ' '.repeat(gap);
      return cell.paint ? paintTrimmed(padded, cell.paint) : padded;
    });
    return (indent + parts.join('  ')).trimEnd();
  });
}

// Paint the words, not the padding: underlines and backgrounds would otherwise run into the gap.
function paintTrimmed(padded: string, paint: (text: string) => string): string {
  const start = padded.length - padded.trimStart().length;
  const end = padded.trimEnd().length;
  return padded.slice(0, start) + paint(padded.slice(start, end)) + padded.slice(end);
}

/** `n thing` / `n things`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** The first `limit` items and how many were left out, so huge orgs stay readable on a terminal. */
export function firstOf<T>(items: readonly T[], limit: number): { shown: readonly T[]; hidden: number } {
  return { shown: items.slice(0, limit), hidden: Math.max(0, items.length - limit) };
}
