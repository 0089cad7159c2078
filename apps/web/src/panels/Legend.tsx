import { memo } from 'react';
import type { ExportNode } from '@flowgraph/core';
import { categoryOf, INTERACTION_COLOURS as C } from '../graph/palette.js';

/** What the colours mean: the categories present in this graph, then the highlight colours. */
export const Legend = memo(function Legend({ nodes, view = 'org' }: { nodes: readonly ExportNode[]; view?: 'org' | 'steps' }) {
  const present = new Map<string, string>();
  for (const node of nodes) {
    const category = categoryOf(node.kind, node.type);
    present.set(category.label, category.colour);
  }
  const marks: [string, string][] =
    view === 'org'
      ? [
          ['Selected', C.selected],
          ['Depends on (downstream)', C.downstream],
          ['Used by (upstream)', C.upstream],
          ['Cycle / error', C.cycle],
        ]
      : [
          ['Selected', C.selected],
          ['Loop', C.cycle],
        ];
  return (
    <section className="legend" aria-label="Legend">
      {[...present].map(([label, colour]) => (
        <span key={label} className="legend-item">
          <i style={{ background: colour }} />
          {label}
        </span>
      ))}
      <span className="legend-sep" />
      {marks.map(([label, colour]) => (
        <span key={label} className="legend-item">
          <i className="ring" style={{ borderColor: colour }} />
          {label}
        </span>
      ))}
      <span className="legend-item">
        <i className="ring dashed" />
        Unpublished
      </span>
    </section>
  );
});
