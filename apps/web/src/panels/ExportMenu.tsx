import { EXPORT_FILE_TYPES, EXPORT_FORMATS, WHOLE_GRAPH_FILE_STEM } from '@flowgraph/core';
import type { GraphResponse } from '@flowgraph/core';
import type { RefObject } from 'react';
import type { CanvasHandle } from '../graph/GraphCanvas.js';
import { describeOrgImage } from '../graph/svg-description.js';
import { useGraphUiStore } from '../state/store-context.js';
import { ImageExportButtons } from './ImageExportButtons.js';
import { exportOpenedFiles } from '../files/local-export.js';

/** Core's export formats (DOT, Mermaid, JSON) come from the server's exporters; PNG and SVG are drawn from the current view. */
export function ExportMenu({ canvas, data }: { canvas: RefObject<CanvasHandle | null>; data: GraphResponse | undefined }) {
  // Read at save time, not subscribed: the menu need not redraw on every selection.
  const store = useGraphUiStore();
  return (
    <div className="export-menu">
      <span className="muted">Export</span>
      {EXPORT_FORMATS.map((format) => {
        const { label, extension } = EXPORT_FILE_TYPES[format];
        return (
          <a
            key={format}
            className="button"
            data-testid={`export-${format}`}
            href={`/api/export?format=${format}`}
            download={`${WHOLE_GRAPH_FILE_STEM}.${extension}`}
            onClick={(event) => exportOpenedFiles(event, format)}
          >
            {label}
          </a>
        );
      })}
      <ImageExportButtons
        canvas={canvas}
        fileName={(extension) => `${WHOLE_GRAPH_FILE_STEM}.${extension}`}
        full={false}
        testIdPrefix="export"
        describe={data && (() => describeOrgImage(data, store.getState().mode))}
      />
    </div>
  );
}
