/**
 * Template placeholders in flow files: CX-as-Code `genesyscloud_flow` substitutions write
 * `{{name}}`, Terraform `templatefile()` writes `${name}`. Both stand where real object names go.
 */
const PLACEHOLDER_SOURCE = String.raw`\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}|\$\{\s*([A-Za-z_][\w.-]*)\s*\}`;

/** A fresh global regex each call: a shared `g` regex keeps `lastIndex` between callers. */
export function placeholderPattern(): RegExp {
  return new RegExp(PLACEHOLDER_SOURCE, 'g');
}

/** The placeholder names a text still contains, in order of first appearance, without repeats. */
export function templateVariablesIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholderPattern())) {
    names.add(match[1] ?? match[2] ?? '');
  }
  return [...names];
}
