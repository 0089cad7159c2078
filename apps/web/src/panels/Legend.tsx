import { memo } from 'react';
import type { ExportNode } from '@flowgraph/core';
import { categoryOf, type HighlightRole, ROLE_MARKS } from '../graph/palette.js';
import { CONTEXT_EDGE } from '../scope/scope-style.js';

/** What the colours mean: the categories present in this graph, then the highlight colours. */
export type LegendView = 'org' | 'steps' | 'focus' | 'cycle' | 'path';

/** A highlight role (drawn with its border and line styles), or a plain colour ring (context). */
type Mark = readonly [label: string, mark: HighlightRole | { colour: string }];

/** The highlight marks each view draws. */
const MARKS: Readonly<Record<LegendView, readonly Mark[]>> = {
  org: [
    ['Selected', 'selected'],
    ['Depends on (downstream)', 'downstream'],
    ['Used by (upstream)', 'upstream'],
    ['Cycle / error', 'cycle'],
    ['Search match', 'match'],
  ],
  steps: [
    ['Selected', 'selected'],
    ['Loop', 'cycle'],
  ],
  focus: [
    ['Focused node', 'selected'],
    ['Depends on (downstream)', 'downstream'],
    ['Used by (upstream)', 'upstream'],
    ['Cycle', 'cycle'],
  ],
  cycle: [
    ['Cycle member / path', 'cycle'],
    ['Caller (dashed) / callee', { colour: CONTEXT_EDGE }],
  ],
  path: [
    ['Path ends', 'selected'],
    ['Cycle', 'cycle'],
  ],
};

/** A role's swatch: its node border and, where the role marks edges, a short line in the edge's style. */
export function Swatch({ mark }: { mark: Mark[1] }) {
  if (typeof mark !== 'string') return <i className="ring" style={{ borderColor: mark.colour }} />;
  const { colour, border, halo, edge } = ROLE_MARKS[mark];
  return (
    <>
      <i
        className="ring"
        data-border={border}
        style={{
          borderColor: colour,
          borderStyle: border,
          // A double border needs room for two lines and the gap between them.
          borderWidth: border === 'double' ? 5 : 3,
          boxShadow: halo ? `0 0 0 3px ${colour}4d` : undefined,
        }}
      />
      {edge && <i className="line" data-line={edge} style={{ borderTopColor: colour, borderTopStyle: edge, borderTopWidth: 3 }} />}
    </>
  );
}

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
      {marks.map(([label, mark]) => (
        <span key={label} className="legend-item" data-testid={typeof mark === 'string' ? `legend-${mark}` : undefined}>
          <Swatch mark={mark} />
          {label}
        </span>
      ))}
      {view === 'cycle' && (
        <span className="legend-item">
          <i className="line dashed cut" data-line="dashed" />
          Suggested cut
        </span>
      )}
      {(view === 'focus' || view === 'cycle') && (
        <span className="legend-item">
          <i className="stacked" />
          Several, counted
        </span>
      )}
      <span className="legend-item">
        <i className="hatched" />
        Unpublished
      </span>
    </section>
  );
});
