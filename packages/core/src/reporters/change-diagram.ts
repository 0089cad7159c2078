import { compareStrings } from '../util/compare.js';
import type { GraphDiff } from '../diff/types.js';
import { quoteMermaid } from '../exporters/mermaid.js';

/**
 * What a Markdown renderer draws without giving up: GitHub's Mermaid stops at 500 edges and
 * 50,000 characters; a review diagram is unreadable long before that, so the limits here are lower.
 */
export interface DiagramLimits {
  nodes: number;
  edges: number;
  characters: number;
}

export const CHANGE_DIAGRAM_LIMITS: Readonly<DiagramLimits> = { nodes: 60, edges: 120, characters: 20_000 };

type Role = 'added' | 'removed' | 'changed' | 'context';
type EdgeRole = 'added' | 'removed' | 'cycle' | 'context';

interface DiagramEdge {
  source: string;
  target: string;
  role: EdgeRole;
}

export interface ChangeDiagram {
  /** The Mermaid source, when something fits. */
  mermaid?: string;
  /** What was left out and why, when the full neighbourhood did not fit. */
  note?: string;
}

/**
 * The change's neighbourhood as a Mermaid `flowchart LR`: added objects green, removed ones dashed
 * grey, changed ones amber, edges added green and removed dashed, introduced cycles red, and the
 * callers through which entry flows reach the change as plain context. When that is too large,
 * the context goes first, then everything but the changed objects; past that, no diagram.
 */
export function changeDiagram(diff: GraphDiff, limits: Readonly<DiagramLimits> = CHANGE_DIAGRAM_LIMITS): ChangeDiagram {
  const roles = new Map<string, Role>();
  for (const set of [diff.flows, diff.resources]) {
    for (const id of set.added) roles.set(id, 'added');
    for (const id of set.removed) roles.set(id, 'removed');
    for (const changed of set.changed) roles.set(changed.id, 'changed');
  }
  const changeEdges: DiagramEdge[] = [
    ...diff.edges.added.map((edge) => ({ source: edge.source, target: edge.target, role: 'added' as const })),
    ...diff.edges.removed.map((edge) => ({ source: edge.source, target: edge.target, role: 'removed' as const })),
  ];
  const cycleEdges: DiagramEdge[] = [];
  for (const cycle of diff.cycles.introduced) {
    if (cycle.scope !== 'org') continue;
    for (let i = 0; i + 1 < cycle.path.length; i++)
      cycleEdges.push({ source: cycle.path[i] as string, target: cycle.path[i + 1] as string, role: 'cycle' });
  }
  const contextEdges: DiagramEdge[] = [];
  for (const entry of diff.impact.entryFlows) {
    for (let i = 0; i + 1 < entry.path.length; i++)
      contextEdges.push({ source: entry.path[i] as string, target: entry.path[i + 1] as string, role: 'context' });
  }

  const attempts: Array<{ edges: DiagramEdge[]; note?: string }> = [
    { edges: [...cycleEdges, ...changeEdges, ...contextEdges] },
    { edges: [...cycleEdges, ...changeEdges], note: 'Callers leading to the change left out to keep the diagram readable.' },
    {
      edges: [...cycleEdges, ...changeEdges].filter((edge) => roles.has(edge.source) && roles.has(edge.target)),
      note: 'Only the changed objects are drawn; their other neighbours were too many to draw.',
    },
  ];
  for (const [index, attempt] of attempts.entries()) {
    const drawn = draw(diff, roles, attempt.edges, index < 2);
    if (drawn.nodes > limits.nodes || drawn.edges > limits.edges || drawn.text.length > limits.characters) continue;
    if (drawn.nodes === 0) return {};
    return { mermaid: drawn.text, ...(attempt.note ? { note: attempt.note } : {}) };
  }
  return {
    note:
      `The change touches ${roles.size} objects: too many for a diagram ` +
      `(limit ${limits.nodes} nodes, ${limits.edges} edges). Use \`flowgraph diff --format json\` or the web app's Changes mode.`,
  };
}

function draw(
  diff: GraphDiff,
  roles: ReadonlyMap<string, Role>,
  edges: readonly DiagramEdge[],
  withAllChanged: boolean,
): { text: string; nodes: number; edges: number } {
  // One edge per (source, target): a cycle hop wins over an added edge, which wins over context.
  const rank: Record<EdgeRole, number> = { cycle: 0, added: 1, removed: 2, context: 3 };
  const unique = new Map<string, DiagramEdge>();
  for (const edge of edges) {
    const key = `${edge.source}\u0000${edge.target}`;
    const seen = unique.get(key);
    if (seen === undefined || rank[edge.role] < rank[seen.role]) unique.set(key, edge);
  }
  const ids = new Set<string>(withAllChanged ? roles.keys() : []);
  for (const edge of unique.values()) {
    ids.add(edge.source);
    ids.add(edge.target);
  }
  const sorted = [...ids].sort(compareStrings);
  const key = new Map(sorted.map((id, i) => [id, `n${i}`]));
  const out = ['flowchart LR'];
  const byRole = new Map<Role, string[]>();
  for (const id of sorted) {
    const info = diff.nodes[id];
    const role = roles.get(id) ?? 'context';
    const label = quoteMermaid(`${info?.name ?? id}\n${info?.type.toLowerCase() ?? ''}${role === 'context' ? '' : ` · ${role}`}`);
    out.push(`  ${key.get(id)}[${label}]`);
    byRole.set(role, [...(byRole.get(role) ?? []), key.get(id) as string]);
  }
  const styled: Record<EdgeRole, number[]> = { cycle: [], added: [], removed: [], context: [] };
  const sortedEdges = [...unique.values()].sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
  sortedEdges.forEach((edge, index) => {
    const arrow = edge.role === 'removed' ? '-.->' : edge.role === 'cycle' ? '==>' : '-->';
    out.push(`  ${key.get(edge.source)} ${arrow} ${key.get(edge.target)}`);
    styled[edge.role].push(index);
  });
  const nodeStyles: Record<Role, string> = {
    added: 'fill:#d1f5d3,stroke:#1a7f37,color:#000',
    removed: 'fill:#eeeeee,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3',
    changed: 'fill:#fff1c2,stroke:#bf8700,color:#000',
    context: 'fill:#ffffff,stroke:#57606a,color:#000',
  };
  for (const role of ['added', 'removed', 'changed', 'context'] as const) {
    const members = byRole.get(role);
    if (members === undefined) continue;
    out.push(`  classDef ${role} ${nodeStyles[role]}`);
    out.push(`  class ${members.join(',')} ${role}`);
  }
  const edgeStyles: Record<Exclude<EdgeRole, 'context'>, string> = {
    added: 'stroke:#1a7f37,stroke-width:2px',
    removed: 'stroke:#8c959f,stroke-dasharray:4 3',
    cycle: 'stroke:#cf222e,stroke-width:3px',
  };
  for (const role of ['added', 'removed', 'cycle'] as const) {
    if (styled[role].length > 0) out.push(`  linkStyle ${styled[role].join(',')} ${edgeStyles[role]}`);
  }
  return { text: `${out.join('\n')}\n`, nodes: sorted.length, edges: sortedEdges.length };
}
