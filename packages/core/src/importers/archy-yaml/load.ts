import { type Document, isScalar, parseAllDocuments, visit, type YAMLError } from 'yaml';
import { protectPlaceholders } from '../templates/protect.js';
import type { UnitBuilder } from '../unit-builder.js';

const MAX_SYNTAX_ERRORS = 5;

export interface LoadedYaml {
  /** One value per YAML document (`---` separates them); most files have one. */
  documents: unknown[];
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
    const parsed = parseAllDocuments(template.text, { uniqueKeys: false });
    const documents: Document[] = Array.isArray(parsed) ? parsed : [];
    reportProblems(
      documents.flatMap((document) => document.errors),
      'error',
      builder,
    );
    reportProblems(
      documents.flatMap((document) => document.warnings),
      'warning',
      builder,
    );
    const data = documents.map((document) => {
      if (template.substituted.length + template.unresolved.length > 0) {
        visit(document, {
          Scalar(_key, node) {
            if (isScalar(node) && typeof node.value === 'string') node.value = template.restore(node.value);
          },
        });
      }
      return document.toJS({ maxAliasCount: 100 }) as unknown;
    });
    // An empty document (a trailing `---`, a file of comments) is not a flow.
    const nonEmpty = data.filter((value, index) => index === 0 || (value !== null && value !== undefined));
    return { documents: nonEmpty, unresolved: template.unresolved };
  } catch (error) {
    // The parser and toJS recurse: a hostile nesting depth or alias bomb ends up here.
    builder.issue('error', undefined, `cannot read YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`);
    return undefined;
  }
}

/** One syntax error cascades into dozens: the first few say where to look. */
function reportProblems(problems: readonly YAMLError[], severity: 'error' | 'warning', builder: UnitBuilder): void {
  const label = severity === 'error' ? 'YAML syntax' : 'YAML';
  for (const problem of problems.slice(0, MAX_SYNTAX_ERRORS)) {
    const line = problem.linePos?.[0]?.line;
    builder.issue(severity, line === undefined ? undefined : `line ${line}`, `${label}: ${firstLine(problem.message)}`);
  }
  if (problems.length > MAX_SYNTAX_ERRORS)
    builder.issue(severity, undefined, `${label}: ${problems.length - MAX_SYNTAX_ERRORS} more ${severity}s`);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
