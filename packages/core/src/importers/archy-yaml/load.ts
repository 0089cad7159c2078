import { isScalar, parseDocument, visit } from 'yaml';
import { protectPlaceholders } from '../templates/protect.js';
import type { UnitBuilder } from '../unit-builder.js';

const MAX_SYNTAX_ERRORS = 5;

export interface LoadedYaml {
  data: unknown;
  /** Placeholders no substitution filled: they stay as `{{name}}` in names. */
  unresolved: string[];
}

/**
 * Parses one Archy YAML text after protecting its template placeholders. Syntax errors become
 * issues with their line; whatever the parser could still read is imported. Duplicate keys are
 * only warnings (the later one wins), as most YAML tools treat them.
 */
export function loadArchyYaml(text: string, substitutions: Readonly<Record<string, string>>, builder: UnitBuilder): LoadedYaml | undefined {
  const template = protectPlaceholders(text, substitutions);
  try {
    // YAML 1.2 core schema keeps unquoted `yes:` / `no:` as strings; 1.1 booleans are normalised later.
    const document = parseDocument(template.text, { uniqueKeys: false });
    // One syntax error cascades into dozens: the first few say where to look.
    for (const error of document.errors.slice(0, MAX_SYNTAX_ERRORS)) {
      const line = error.linePos?.[0]?.line;
      builder.issue('error', line === undefined ? undefined : `line ${line}`, `YAML syntax: ${firstLine(error.message)}`);
    }
    if (document.errors.length > MAX_SYNTAX_ERRORS)
      builder.issue('error', undefined, `YAML syntax: ${document.errors.length - MAX_SYNTAX_ERRORS} more errors`);
    for (const warning of document.warnings) {
      const line = warning.linePos?.[0]?.line;
      builder.issue('warning', line === undefined ? undefined : `line ${line}`, `YAML: ${firstLine(warning.message)}`);
    }
    if (template.substituted.length + template.unresolved.length > 0) {
      visit(document, {
        Scalar(_key, node) {
          if (isScalar(node) && typeof node.value === 'string') node.value = template.restore(node.value);
        },
      });
    }
    const data: unknown = document.toJS({ maxAliasCount: 100 });
    return { data, unresolved: template.unresolved };
  } catch (error) {
    // The parser and toJS recurse: a hostile nesting depth or alias bomb ends up here.
    builder.issue('error', undefined, `cannot read YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`);
    return undefined;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
