import { describeChanges, type GraphDiff } from '@flowgraph/core';
import type { Colors } from './colors.js';
import { firstOf, plural, renderTable } from './table.js';

const LIMIT = 30;

/** `flowgraph diff` for people: counts, then each section with its first entries (JSON has all). */
export function renderDiffText(diff: GraphDiff, colors: Colors, title: string): string {
  const name = (id: string) => diff.nodes[id]?.name ?? id;
  const s = diff.summary;
  const out: string[] = [`${colors.bold('Change')}  ${title}`];
  if (isEmpty(diff)) {
    out.push(`  ${colors.green('no change')} in flows, resources or dependencies`);
    return `${out.join('\n')}\n`;
  }

  const nodes: Array<Array<{ text: string; paint?: (text: string) => string } | string>> = [];
  for (const [set, label] of [
    [diff.flows, 'flow'],
    [diff.resources, 'resource'],
  ] as const) {
    for (const id of set.added)
      nodes.push([{ text: '+', paint: colors.green }, name(id), { text: typeOf(diff, id, label), paint: colors.dim }, 'added']);
    for (const id of set.removed)
      nodes.push([{ text: '-', paint: colors.red }, name(id), { text: typeOf(diff, id, label), paint: colors.dim }, 'removed']);
    for (const changed of set.changed) {
      nodes.push([
        { text: '~', paint: colors.yellow },
        name(changed.id),
        { text: typeOf(diff, changed.id, label), paint: colors.dim },
        describeChanges(changed.changes, name),
      ]);
    }
  }
  out.push(
    '',
    `${colors.bold('Objects')}  flows ${s.flowsAdded} added · ${s.flowsRemoved} removed · ${s.flowsChanged} changed; resources ${s.resourcesAdded} added · ${s.resourcesRemoved} removed · ${s.resourcesChanged} changed`,
  );
  const shown = firstOf(nodes, LIMIT);
  out.push(...renderTable([...shown.shown], '  '));
  if (shown.hidden > 0) out.push(colors.dim(`  … ${shown.hidden} more (see --format json)`));

  out.push('', `${colors.bold('Dependencies')}  ${s.edgesAdded} added · ${s.edgesRemoved} removed`);
  const edges = [
    ...diff.edges.added.map(
      (edge) => `  ${colors.green('+')} ${name(edge.source)} → ${name(edge.target)}${edge.via ? colors.dim(`  (${edge.via})`) : ''}`,
    ),
    ...diff.edges.removed.map((edge) => `  ${colors.red('-')} ${name(edge.source)} → ${name(edge.target)}`),
  ];
  out.push(...edges.slice(0, LIMIT));
  if (edges.length > LIMIT) out.push(colors.dim(`  … ${edges.length - LIMIT} more`));

  out.push('', `${colors.bold('Cycles')}  ${s.cyclesIntroduced} introduced · ${s.cyclesResolved} resolved`);
  for (const cycle of diff.cycles.introduced.slice(0, LIMIT)) out.push(`  ${colors.red('new')}       ${cycle.path.map(name).join(' → ')}`);
  for (const cycle of diff.cycles.resolved.slice(0, LIMIT)) out.push(`  ${colors.green('resolved')}  ${cycle.path.map(name).join(' → ')}`);

  out.push('', `${colors.bold('Problems')}  ${s.findingsIntroduced} introduced · ${s.findingsResolved} resolved`);
  const problems = [
    ...diff.findings.introduced.map((f) => [
      { text: `new ${f.severity}`, paint: f.severity === 'error' ? colors.red : colors.yellow },
      { text: f.code, paint: colors.dim },
      f.message,
    ]),
    ...diff.findings.resolved.map((f) => [{ text: 'resolved', paint: colors.green }, { text: f.code, paint: colors.dim }, f.message]),
  ];
  out.push(...renderTable(problems.slice(0, LIMIT), '  '));
  if (problems.length > LIMIT) out.push(colors.dim(`  … ${problems.length - LIMIT} more`));

  out.push(
    '',
    `${colors.bold('Impact')}  ${plural(diff.impact.entryFlows.length, 'entry flow')} reach the change · ${plural(diff.impact.nodes.length, 'flow or resource', 'flows and resources')} upstream`,
  );
  for (const entry of diff.impact.entryFlows.slice(0, LIMIT)) out.push(`  ${name(entry.id)}: ${entry.path.map(name).join(' → ')}`);
  if (diff.impact.entryFlows.length > LIMIT) out.push(colors.dim(`  … ${diff.impact.entryFlows.length - LIMIT} more`));

  out.push('', `${colors.bold('Publish order')}  ${plural(diff.publishOrder.length, 'wave')}`);
  out.push(
    ...renderTable(
      diff.publishOrder.slice(0, LIMIT).map((wave, index) => [{ text: `wave ${index + 1}`, paint: colors.dim }, wave.map(name).join(', ')]),
      '  ',
    ),
  );
  for (const group of diff.publishGroups) out.push(`  ${colors.yellow('together')}  ${group.map(name).join(', ')}`);
  if (diff.matchedByName.length > 0)
    out.push('', colors.dim(`${plural(diff.matchedByName.length, 'object')} matched by type and name across different ids.`));
  return `${out.join('\n')}\n`;
}

function isEmpty(diff: GraphDiff): boolean {
  const s = diff.summary;
  return (
    s.flowsAdded +
      s.flowsRemoved +
      s.flowsChanged +
      s.resourcesAdded +
      s.resourcesRemoved +
      s.resourcesChanged +
      s.edgesAdded +
      s.edgesRemoved ===
    0
  );
}

function typeOf(diff: GraphDiff, id: string, fallback: string): string {
  return diff.nodes[id]?.type ?? fallback;
}
