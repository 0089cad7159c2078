import type { YamlMap } from './values.js';
import { asMap, asText } from '../plain-values.js';

/** What an Archy value slot names: a literal object name, or a runtime expression. */
export type SlotValue = { name: string } | { expression: string };

/**
 * Archy value slots: `{lit: {name: X}}`, `{lit: X}`, `{exp: …}`, `{var: …}`, or `{noValue: true}`.
 * A plain scalar is a name (`targetFlow: {name: X}` is read by the caller).
 */
export function readSlot(value: unknown): SlotValue | undefined {
  const text = asText(value);
  if (text !== undefined) return text.trim() === '' ? undefined : { name: text };
  const map = asMap(value);
  if (!map) return undefined;
  if ('lit' in map) {
    const literal = asText(map.lit) ?? asText(asMap(map.lit)?.name);
    return literal === undefined || literal.trim() === '' ? undefined : { name: literal };
  }
  const expression = asText(map.exp) ?? asText(map.var);
  if (expression !== undefined && expression.trim() !== '') return { expression };
  return undefined;
}

/** Keys of a "name as map key" block (`dataTable: {IVR Cache: {…}}`), minus Archy's own keywords. */
export function nameKeys(value: YamlMap): string[] {
  return Object.keys(value).filter((key) => !SLOT_KEYWORDS.has(key));
}

const SLOT_KEYWORDS = new Set(['lit', 'exp', 'var', 'noValue', 'none', 'name']);
