import type { ScopeDiagram } from '../scoping/scope.js';

/** A scope as JSON: the result object as it is (focus, cycle focus or paths), two-space indented. */
export function exportScopeJson(scope: ScopeDiagram): string {
  return `${JSON.stringify(scope, null, 2)}\n`;
}
