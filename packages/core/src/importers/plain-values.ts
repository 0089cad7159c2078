/** Narrowing helpers for parsed YAML and JSON, which are `unknown` until checked. */
export type PlainMap = Record<string, unknown>;

export function asMap(value: unknown): PlainMap | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PlainMap) : undefined;
}

export function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
