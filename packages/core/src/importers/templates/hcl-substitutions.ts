import type { ImportIssue } from '../../model/issues.js';
import type { ParsedSubstitutions } from './substitutions.js';

/**
 * Reads the `substitutions = { … }` maps of Terraform `genesyscloud_flow` resources. Only literal
 * strings can be used offline; `var.x`, `local.x` and interpolated strings depend on Terraform
 * state, so they are reported as unresolved instead of guessed.
 */
export function parseHclSubstitutions(text: string, file: string): ParsedSubstitutions {
  const values: Record<string, string> = {};
  const issues: ImportIssue[] = [];
  const blockStart = /\bsubstitutions\s*=\s*\{/g;
  for (const match of text.matchAll(blockStart)) {
    const bodyStart = (match.index ?? 0) + match[0].length;
    const bodyEnd = closingBrace(text, bodyStart);
    if (bodyEnd < 0) {
      issues.push({ file, field: `line ${lineOf(text, bodyStart)}`, message: 'substitutions map is not closed', severity: 'error' });
      continue;
    }
    readEntries(text, bodyStart, bodyEnd, file, values, issues);
  }
  return { values, issues };
}

function readEntries(text: string, start: number, end: number, file: string, values: Record<string, string>, issues: ImportIssue[]): void {
  const entry = /\s*(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w-]*))\s*[=:]\s*/y;
  let position = start;
  while (position < end) {
    position = skipSpaceAndComments(text, position, end);
    if (position >= end) break;
    entry.lastIndex = position;
    const head = entry.exec(text);
    if (!head || head.index !== position) {
      const stop = endOfValue(text, position, end);
      issues.push({
        file,
        field: `line ${lineOf(text, position)}`,
        message: `cannot read substitution entry "${text.slice(position, stop).trim()}"`,
        severity: 'warning',
      });
      position = stop + 1;
      continue;
    }
    const key = head[1] ?? head[2] ?? '';
    const valueStart = entry.lastIndex;
    const valueEnd = endOfValue(text, valueStart, end);
    const raw = text.slice(valueStart, valueEnd).trim();
    const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
    const field = `substitutions.${key}`;
    if (literal && !literal[1]!.includes('${')) {
      values[key] = unescapeHcl(literal[1]!);
    } else {
      issues.push({ file, field, message: `value ${raw} is not a literal string; set ${key} with --set ${key}=…`, severity: 'warning' });
    }
    position = valueEnd;
  }
}

/** Index of the `}` that closes a block whose body starts at `from`, skipping strings and nested braces. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') index = endOfString(text, index);
    else if (char === '#' || (char === '/' && text[index + 1] === '/'))
      index = text.indexOf('\n', index) < 0 ? text.length : text.indexOf('\n', index);
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** A value ends at a newline, comma or comment outside strings and brackets, or at the end of the map. */
function endOfValue(text: string, from: number, end: number): number {
  let depth = 0;
  for (let index = from; index < end; index += 1) {
    const char = text[index];
    if (char === '"') index = endOfString(text, index);
    else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if ((char === '\n' || char === ',' || char === '#' || (char === '/' && text[index + 1] === '/')) && depth <= 0) return index;
  }
  return end;
}

function endOfString(text: string, quote: number): number {
  for (let index = quote + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return text.length;
}

function skipSpaceAndComments(text: string, from: number, end: number): number {
  let index = from;
  while (index < end) {
    if (/[\s,]/.test(text[index] ?? '')) index += 1;
    else if (text[index] === '#' || (text[index] === '/' && text[index + 1] === '/')) {
      const newline = text.indexOf('\n', index);
      index = newline < 0 ? end : newline + 1;
    } else break;
  }
  return index;
}

function unescapeHcl(value: string): string {
  return value.replace(/\\(["\\nt])/g, (_all, char: string) => (char === 'n' ? '\n' : char === 't' ? '\t' : char));
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let position = 0; position < index && position < text.length; position += 1) {
    if (text[position] === '\n') line += 1;
  }
  return line;
}
