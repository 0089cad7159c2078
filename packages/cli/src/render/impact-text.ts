import type { Impact, ImpactEntry } from '@flowgraph/core';
import type { Colors } from './colors.js';
import type { NameOf } from './names.js';
import { firstOf, plural, renderTable } from './table.js';

const LIST_LIMIT = 50;

/** Impact for people: downstream and upstream by depth, each with the path by name. */
export function renderImpactText(result: Impact, nameOf: NameOf, colors: Colors): string {
  const lines = [`${colors.bold('Impact of')} ${nameOf(result.node)} ${colors.dim(`(${result.node})`)}`];
  lines.push('', ...section('Downstream', 'what it reaches', result.downstream, nameOf, colors));
  lines.push('', ...section('Upstream', 'what breaks if it changes', result.upstream, nameOf, colors));
  const entries = result.entryFlows.map(nameOf).join(', ');
  lines.push('', `${colors.bold('Entry flows')}  ${result.entryFlows.length > 0 ? entries : colors.dim('none')}`);
  return `${lines.join('\n')}\n`;
}

function section(title: string, meaning: string, entries: ImpactEntry[], nameOf: NameOf, colors: Colors): string[] {
  const heading = `${colors.bold(title)}  ${plural(entries.length, 'node')} ${colors.dim(`(${meaning})`)}`;
  const { shown, hidden } = firstOf(entries, LIST_LIMIT);
  const rows = shown.map((entry) => [
    { text: String(entry.depth), align: 'right' as const, paint: colors.dim },
    nameOf(entry.id),
    { text: entry.path.map(nameOf).join(' → '), paint: colors.dim },
  ]);
  const lines = [heading, ...renderTable(rows, '  ')];
  if (hidden > 0) lines.push(colors.dim(`  … ${plural(hidden, 'more node')} (see --format json)`));
  return lines;
}
