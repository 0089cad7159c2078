import { asMap, type PlainMap } from '../plain-values.js';

export type YamlMap = PlainMap;

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
