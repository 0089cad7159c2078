import { z } from 'zod';
import type { ImportIssue } from '../../model/issues.js';

export interface ParsedSubstitutions {
  values: Record<string, string>;
  issues: ImportIssue[];
}

const SubstitutionValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Template values for `{{name}}` / `${name}` placeholders in every file, from a JSON object or
 * `name=value` lines (the CLI's repeated `--set`). Terraform files give each flow file its own
 * values instead: see `planFlowSubstitutions`.
 */
export function parseSubstitutions(text: string, fileName: string): ParsedSubstitutions {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseJson(trimmed, fileName);
  return parseKeyValueLines(text, fileName);
}

function parseJson(text: string, file: string): ParsedSubstitutions {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { values: {}, issues: [{ file, message: `not valid JSON: ${(error as Error).message}`, severity: 'error' }] };
  }
  const values: Record<string, string> = {};
  const issues: ImportIssue[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { values, issues: [{ file, message: 'expected a JSON object of name → value', severity: 'error' }] };
  }
  for (const [key, value] of Object.entries(data)) {
    const parsed = SubstitutionValueSchema.safeParse(value);
    if (parsed.success) values[key] = String(parsed.data);
    else issues.push({ file, field: key, message: 'value must be a string, number or boolean', severity: 'warning' });
  }
  return { values, issues };
}

function parseKeyValueLines(text: string, file: string): ParsedSubstitutions {
  const values: Record<string, string> = {};
  const issues: ImportIssue[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const key = equals > 0 ? line.slice(0, equals).trim() : '';
    if (key === '') {
      issues.push({ file, field: `line ${index + 1}`, message: `expected name=value, got "${line}"`, severity: 'error' });
      return;
    }
    values[key] = unquote(line.slice(equals + 1).trim());
  });
  return { values, issues };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2] ?? '') : value;
}
