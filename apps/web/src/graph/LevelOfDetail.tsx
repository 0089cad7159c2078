import type { ExportGraph } from '@flowgraph/core';
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { type ReactNode, useMemo, useState } from 'react';
import { levelOfDetail, withLevelOfDetail, withLevelOfDetailStyle } from './level-of-detail.js';
import { stylesheet } from './stylesheet.js';

export interface DetailedCanvas {
  elements: ElementDefinition[];
  style: StylesheetJson;
  /** The counts of what is not drawn and the switch to draw everything; null on a small graph. */
  note: ReactNode;
}

/** The org view's level of detail (see `level-of-detail.ts`): what the canvas draws, and the note saying what it leaves out. */
export function useLevelOfDetail(graph: ExportGraph, elements: ElementDefinition[]): DetailedCanvas {
  const [everything, setEverything] = useState(false);
  const lod = useMemo(() => levelOfDetail(graph), [graph]);
  const detailed = useMemo(() => (lod && !everything ? withLevelOfDetail(elements, lod) : elements), [lod, everything, elements]);
  const style = useMemo(() => (lod && !everything ? withLevelOfDetailStyle(stylesheet) : stylesheet), [lod, everything]);
  if (!lod || elements.length === 0) return { elements, style: stylesheet, note: null };
  const toggle = (
    <button type="button" className="lod-toggle" data-testid="lod-toggle" onClick={() => setEverything(!everything)}>
      {everything ? 'Group resources' : 'Draw all resources'}
    </button>
  );
  const note = everything ? (
    <div className="lod-note" data-testid="lod-note" data-lod="off">
      All {graph.nodes.length.toLocaleString('en')} nodes drawn. {toggle}
    </div>
  ) : (
    <div className="lod-note" data-testid="lod-note" data-lod="on" data-hidden={lod.hidden}>
      <span title={lod.byType.map((entry) => `${entry.type}: ${entry.count.toLocaleString('en')}`).join('\n')}>
        {lod.hidden.toLocaleString('en')} resources drawn when selected, searched or used by the selection (
        {lod.byType
          .slice(0, 3)
          .map((entry) => `${entry.count.toLocaleString('en')} ${entry.type}`)
          .join(', ')}
        {lod.byType.length > 3 ? ', …' : ''}); a flow's (+n) counts the resources it uses.
      </span>{' '}
      {toggle}
    </div>
  );
  return { elements: detailed, style, note };
}
