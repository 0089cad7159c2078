import { memo } from 'react';
import type { ExportNode } from '@flowgraph/core';
import { categoryOf, INTERACTION_COLOURS as C } from '../graph/palette.js';

/** What the colours mean: the categories present in this graph, then the highlight colours. */
export type LegendView = 'org' | 'steps' | 'focus' | 'cycle' | 'path';

/** The highlight marks each view draws. */
const MARKS: Readonly<Record<LegendView, readonly [string, string][]>> = {
  org: [
    ['Selected', C.selected],
    ['Depends on (downstream)', C.downstream],
    ['Used by (upstream)', C.upstream],
    ['Cycle / error', C.cycle],
  ],
  steps: [
    ['Selected', C.selected],
    ['Loop', C.cycle],
  ],
  focus: [
    ['Focused node', C.selected],
    ['Cycle', C.cycle],
  ],
  cycle: [
    ['Cycle member', C.cycle],
    ['Caller / callee', '#94a3b8'],
  ],
  path: [['Path ends', C.selected]],
};

/** Each legend's landmark name: a dialog's legend and the org view's behind it are both on the page. */
const VIEW_NAMES: Readonly<Record<LegendView, string>> = {
  org: 'org graph',
  steps: 'step view',
  focus: 'focus view',
  cycle: 'cycle view',
  path: 'path view',
};

export const Legend = memo(function Legend({ nodes, view = 'org' }: { nodes: readonly ExportNode[]; view?: LegendView }) {
  const present = new Map<string, string>();
  for (const node of nodes) {
    const category = categoryOf(node.kind, node.type);
    present.set(category.label, category.colour);
  }
  const marks = MARKS[view];
  return (
    <section className="legend" aria-label={`Legend of the ${VIEW_NAMES[view]}`}>
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
      {view === 'cycle' && (
        <span className="legend-item">
          <i className="line dashed cut" />
          Suggested cut
        </span>
      )}
      {(view === 'focus' || view === 'cycle') && (
        <span className="legend-item">
          <i className="ring double" />
          Several, counted
        </span>
      )}
      <span className="legend-item">
        <i className="ring dashed" />
        Unpublished
      </span>
    </section>
  );
});
