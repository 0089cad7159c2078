import type { ExportGraph } from '@flowgraph/core';
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { type ReactNode, useMemo, useState } from 'react';
import { touchedDeferred, withLevelOfDetailStyle } from './level-of-detail.js';
import type { PreparedOrg } from './prepare-org.js';
import { stylesheet } from './stylesheet.js';

export interface DetailedCanvas {
  elements: ElementDefinition[];
  /** Deferred elements the classes touch: the canvas adds them (see `touchedDeferred`). */
  touched: readonly ElementDefinition[];
  style: StylesheetJson;
  /** The counts of what is not drawn and the switch to draw everything; null on a small graph. */
  note: ReactNode;
}

const NONE: readonly ElementDefinition[] = [];

/** The org view's level of detail (see `level-of-detail.ts`): what the canvas draws, and the note saying what it leaves out. */
export function useLevelOfDetail(graph: ExportGraph, prepared: PreparedOrg, classes: ReadonlyMap<string, string>): DetailedCanvas {
  const [everything, setEverything] = useState(false);
  const { lod, deferred } = prepared;
  // Draw all resources: the deferred elements too, with the stylesheet that draws them.
  const elements = useMemo(() => (everything ? [...prepared.elements, ...deferred] : prepared.elements), [everything, prepared, deferred]);
  const byId = useMemo(() => new Map(deferred.map((element) => [String(element.data.id), element])), [deferred]);
  const style = useMemo(() => (lod && !everything ? withLevelOfDetailStyle(stylesheet) : stylesheet), [lod, everything]);
  const touched = useMemo(() => (everything ? NONE : touchedDeferred(byId, classes)), [everything, byId, classes]);
  if (!lod) return { elements: prepared.elements, touched: NONE, style: stylesheet, note: null };
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
  return { elements, touched, style, note };
}
