import type { Core } from 'cytoscape';

/**
 * Applies the class strings `next` to a canvas that shows `applied`, touching only the elements
 * whose string changed: a selection moving from one node to another restyles the difference of
 * the two impact sets, not the graph (the dimming of everything else is one stylesheet state,
 * see `dimming.ts`). Returns how many elements it changed; `applied` becomes `next`.
 */
export function applyClasses(cy: Core, applied: Map<string, string>, next: ReadonlyMap<string, string>): number {
  let changed = 0;
  cy.batch(() => {
    for (const id of applied.keys()) {
      if (next.has(id)) continue;
      cy.getElementById(id).classes('');
      applied.delete(id);
      changed++;
    }
    for (const [id, classes] of next) {
      if ((applied.get(id) ?? '') === classes) continue;
      cy.getElementById(id).classes(classes);
      if (classes === '') applied.delete(id);
      else applied.set(id, classes);
      changed++;
    }
  });
  return changed;
}
