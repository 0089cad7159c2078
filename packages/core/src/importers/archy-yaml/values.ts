/** Narrowing helpers for parsed YAML, which is `unknown` until checked. */
export type YamlMap = Record<string, unknown>;

export function asMap(value: unknown): YamlMap | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as YamlMap) : undefined;
}

export function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The single `key: body` of an action or container item (`- callData: {…}`). */
export function singleEntry(item: unknown): { key: string; body: YamlMap } | undefined {
  const map = asMap(item);
  if (!map) return undefined;
  const keys = Object.keys(map);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  const body = map[key];
  if (body === null || body === undefined) return { key, body: {} };
  const bodyMap = asMap(body);
  return bodyMap ? { key, body: bodyMap } : undefined;
}
