import type { Finding } from '../analysis/result.js';
import type { GraphDiff, NodeChange } from '../diff/types.js';
import { changeDiagram } from './change-diagram.js';
import { capped, cell, inline, plural } from './markdown-text.js';

const LIST_LIMIT = 30;

export interface DiffMarkdownOptions {
  /** What the sides are, for the heading: `main → this branch`, `@2 → @3`. */
  title?: string;
}

/**
 * `diff --format markdown`: the pull-request comment of a change review. Verdict and counts,
 * the change's neighbourhood as a size-guarded Mermaid diagram, problems introduced and resolved,
 * what changed in each flow, the entry flows the change reaches, and the publish order.
 */
export function diffMarkdown(diff: GraphDiff, options: DiffMarkdownOptions = {}): string {
  const name = (id: string) => inline(diff.nodes[id]?.name ?? id);
  const out: string[] = [`## Flowgraph change review${options.title ? `: ${inline(options.title)}` : ''}`, ''];
  const s = diff.summary;
  const errors = diff.findings.introduced.filter((finding) => finding.severity === 'error').length;
  out.push(
    s.introducesErrors ? `❌ **This change introduces ${plural(errors, 'error-level problem')}.**` : '✅ **No new error-level problems.**',
    '',
    '| | added | removed | changed |',
    '|---|---|---|---|',
    `| flows | ${s.flowsAdded} | ${s.flowsRemoved} | ${s.flowsChanged} |`,
    `| resources | ${s.resourcesAdded} | ${s.resourcesRemoved} | ${s.resourcesChanged} |`,
    `| dependencies | ${s.edgesAdded} | ${s.edgesRemoved} | |`,
    '',
    `Cycles: ${s.cyclesIntroduced} introduced, ${s.cyclesResolved} resolved · ` +
      `Problems: ${s.findingsIntroduced} introduced, ${s.findingsResolved} resolved · ` +
      `Entry flows affected: ${diff.impact.entryFlows.length}`,
    '',
  );

  const diagram = changeDiagram(diff);
  if (diagram.mermaid !== undefined) {
    out.push('```mermaid', diagram.mermaid.trimEnd(), '```', '');
    out.push('<sub>green: added · amber: changed · grey dashed: removed · red: new cycle</sub>', '');
  }
  if (diagram.note !== undefined) out.push(`_${diagram.note}_`, '');

  const problems = (title: string, findings: readonly Finding[]) => {
    const shown = findings.filter((finding) => finding.severity !== 'info');
    if (shown.length === 0) return;
    out.push(`### ${title} (${shown.length})`, '', '| severity | problem | message |', '|---|---|---|');
    out.push(
      ...capped(
        shown.map((f) => `| ${f.severity} | \`${f.code}\` | ${cell(f.message)} |`),
        LIST_LIMIT,
        'problems',
      ),
      '',
    );
  };
  problems('Problems introduced', diff.findings.introduced);
  problems('Problems resolved', diff.findings.resolved);

  const changes: string[] = [];
  for (const id of diff.flows.added) changes.push(`- ➕ flow **${name(id)}** added`);
  for (const id of diff.flows.removed) changes.push(`- ➖ flow **${name(id)}** removed`);
  for (const changed of diff.flows.changed) changes.push(`- ✏️ flow **${name(changed.id)}**: ${describeChanges(changed.changes, name)}`);
  for (const id of diff.resources.added) changes.push(`- ➕ ${typeOf(diff, id)} **${name(id)}** added`);
  for (const id of diff.resources.removed) changes.push(`- ➖ ${typeOf(diff, id)} **${name(id)}** removed`);
  for (const changed of diff.resources.changed) {
    changes.push(`- ✏️ ${typeOf(diff, changed.id)} **${name(changed.id)}**: ${describeChanges(changed.changes, name)}`);
  }
  if (changes.length > 0) out.push(`### What changed`, '', ...capped(changes, LIST_LIMIT, 'changes'), '');

  if (diff.impact.entryFlows.length > 0) {
    out.push(`### Entry flows that reach the change (${diff.impact.entryFlows.length})`, '');
    const lines = diff.impact.entryFlows.map((entry) => `- **${name(entry.id)}**: ${entry.path.map(name).join(' → ')}`);
    out.push(...capped(lines, LIST_LIMIT, 'entry flows'), '');
  }
  if (diff.impact.nodes.length > 0)
    out.push(`Upstream of the change: ${plural(diff.impact.nodes.length, 'flow or resource', 'flows and resources')}.`, '');

  if (diff.publishOrder.length > 0) {
    out.push('### Publish order', '');
    for (const [index, wave] of diff.publishOrder.entries()) out.push(`${index + 1}. ${wave.map(name).join(', ')}`);
    out.push('');
    for (const group of diff.publishGroups) out.push(`⚠️ Publish together (they depend on each other): ${group.map(name).join(', ')}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function typeOf(diff: GraphDiff, id: string): string {
  return (diff.nodes[id]?.type ?? 'resource').toLowerCase();
}

/** Changes for people: property changes with the same before and after said once (`publishedVersion, savedVersion 5.0 → 6.0`). */
export function describeChanges(changes: readonly NodeChange[], name: (id: string) => string): string {
  const parts: string[] = [];
  const properties = new Map<string, string[]>();
  for (const change of changes) {
    if (change.kind !== 'property') continue;
    const transition = `${change.before ?? '(none)'} → ${change.after ?? '(none)'}`;
    properties.set(transition, [...(properties.get(transition) ?? []), change.property]);
  }
  for (const [transition, names] of properties) parts.push(`${names.join(', ')} ${transition}`);
  for (const change of changes) if (change.kind !== 'property') parts.push(describeChange(change, name));
  return parts.join('; ');
}

export function describeChange(change: NodeChange, name: (id: string) => string): string {
  if (change.kind === 'property') return `${change.property} ${change.before ?? '(none)'} → ${change.after ?? '(none)'}`;
  if (change.kind === 'uses') {
    const parts = [];
    if (change.added.length > 0) parts.push(`now uses ${change.added.map(name).join(', ')}`);
    if (change.removed.length > 0) parts.push(`no longer uses ${change.removed.map(name).join(', ')}`);
    return parts.join(', ');
  }
  const parts = [];
  if (change.added.length > 0) parts.push(`${change.added.length} added`);
  if (change.removed.length > 0) parts.push(`${change.removed.length} removed`);
  if (change.changed.length > 0) parts.push(`${change.changed.length} changed`);
  return `steps ${parts.join(', ')}`;
}
