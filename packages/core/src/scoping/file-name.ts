import type { GraphNode } from '../model/graph.js';

const SLUG_LIMIT = 48;

/**
 * A name as a file-name part: lower case, letters and digits (any script) kept, every other run of
 * characters one `-`, at most 48 characters. `Main IVR` -> `main-ivr`. Empty -> `fallback`.
 */
export function slugOf(text: string, fallback = 'node'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_LIMIT)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** A node as people name it in a file name: its name, else its id; a step as `flow-name.step-name`. */
export function nodeSlug(node: GraphNode, flowName?: string): string {
  const own = slugOf(node.name === '' ? node.id : node.name);
  if (node.kind !== 'step') return own;
  return `${slugOf(flowName ?? node.flowId, 'flow')}.${own}`;
}

/**
 * The one file-name rule for everything exported (CLI `--out` default, the server's
 * Content-Disposition, the SPA's downloads): what the scope shows, then the format's extension.
 * `main-ivr.down-2` + `dot` -> `main-ivr.down-2.dot`.
 */
export function scopeFileName(fileStem: string, extension: string): string {
  return `${fileStem}.${extension}`;
}
