import type { FlowGraph, GraphNode } from '@flowgraph/core';
import { UsageError } from '../errors.js';

const SUGGESTIONS = 5;

/**
 * The node a user means by `--node` (or `--focus`, `--from`, `--to`: `flag` names it in messages):
 * an exact id first, else an exact name (case-insensitive). Several nodes with that name, or none,
 * is a UsageError listing the candidates or close matches.
 */
export function findNode(graph: FlowGraph, query: string, flag = '--node'): GraphNode {
  const byId = graph.nodes.get(query);
  if (byId) return byId;
  const wanted = query.toLowerCase();
  const named = [...graph.nodes.values()].filter((node) => node.name.toLowerCase() === wanted);
  // A flow and its steps can share a name; a flow or resource is what people mean.
  const preferred = named.filter((node) => node.kind !== 'step');
  const candidates = preferred.length > 0 ? preferred : named;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new UsageError(
      `${flag} "${query}" matches ${candidates.length} nodes; give one of these ids:\n${candidates.map(describe).join('\n')}`,
    );
  }
  const close = closeMatches(graph, wanted);
  const hint = close.length > 0 ? `; did you mean:\n${close.map(describe).join('\n')}` : '';
  throw new UsageError(`${flag} "${query}" is neither a node id nor a node name in the graph${hint}`);
}

function describe(node: GraphNode): string {
  return `  ${node.id}  (${node.kind} ${node.type}, "${node.name}")`;
}

/** Names or ids containing the query, then the smallest edit distances; skips steps unless nothing else is close. */
function closeMatches(graph: FlowGraph, wanted: string): GraphNode[] {
  const scored: Array<{ node: GraphNode; score: number }> = [];
  for (const node of graph.nodes.values()) {
    const name = node.name.toLowerCase();
    const id = node.id.toLowerCase();
    const contains = name.includes(wanted) || id.includes(wanted) || (name !== '' && wanted.includes(name));
    const distance = Math.min(editDistance(wanted, name), editDistance(wanted, id));
    const limit = Math.max(2, Math.floor(wanted.length / 3));
    if (contains || distance <= limit) scored.push({ node, score: (contains ? 0 : distance) + (node.kind === 'step' ? 100 : 0) });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.node.name.localeCompare(b.node.name))
    .slice(0, SUGGESTIONS)
    .map((entry) => entry.node);
}

/** Levenshtein distance with two rows; strings longer than the query + 10 are not close anyway. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? Number.POSITIVE_INFINITY;
}
