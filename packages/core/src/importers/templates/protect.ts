import { placeholderPattern } from './placeholders.js';

export interface ProtectedText {
  /** The text with every placeholder replaced by a plain token that YAML reads as part of a string. */
  text: string;
  /** Turns tokens in a parsed string back into the substituted value, or the original placeholder. */
  restore(value: string): string;
  /** Placeholders with no substitution value, in order of appearance. */
  unresolved: string[];
  /** Placeholders that were filled from the substitutions. */
  substituted: string[];
}

/**
 * Placeholders sit in keys (`{{prefix}}-Lambda:`), unquoted scalars (`name: {{flow_name}}`, which
 * YAML would read as a flow mapping) and quoted strings alike. Quoting them in place breaks the
 * quoted case, so every placeholder becomes a token made of letters, digits and underscores, which
 * is valid in all three positions, and parsed strings are mapped back afterwards. Known values go
 * through the same token, so a value containing `:` or `#` cannot break the YAML either.
 */
export function protectPlaceholders(source: string, substitutions: Readonly<Record<string, string>>): ProtectedText {
  const prefix = uniquePrefix(source);
  const replacements: string[] = [];
  const unresolved = new Set<string>();
  const substituted = new Set<string>();
  const text = source.replace(placeholderPattern(), (whole: string, braces?: string, dollar?: string) => {
    const name = braces ?? dollar ?? '';
    const value = Object.hasOwn(substitutions, name) ? substitutions[name] : undefined;
    if (value === undefined) unresolved.add(name);
    else substituted.add(name);
    replacements.push(value ?? whole);
    return `${prefix}${replacements.length - 1}__`;
  });
  const tokenPattern = new RegExp(`${prefix}(\\d+)__`, 'g');
  const restore = (value: string): string =>
    replacements.length === 0 || !value.includes(prefix)
      ? value
      : value.replace(tokenPattern, (token: string, index: string) => replacements[Number(index)] ?? token);
  return { text, restore, unresolved: [...unresolved], substituted: [...substituted] };
}

function uniquePrefix(source: string): string {
  let attempt = 0;
  let prefix = '__fgtpl_';
  while (source.includes(prefix)) {
    attempt += 1;
    prefix = `__fgtpl${attempt}_`;
  }
  return prefix;
}
