/** Markdown helpers the Markdown reporters share. */

/** A table cell: pipes escaped, line breaks as <br>, so one value never breaks the table. */
export function cell(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\r', '').replaceAll('\n', '<br>');
}

/** Inline text: characters Markdown or HTML would read as markup are escaped. */
export function inline(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

/** A list that stays readable in a pull-request comment: the first `limit` lines, then a count. */
export function capped(lines: readonly string[], limit: number, noun: string): string[] {
  if (lines.length <= limit) return [...lines];
  return [...lines.slice(0, limit), `- … and ${lines.length - limit} more ${noun}`];
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
