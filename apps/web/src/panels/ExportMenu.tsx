import type { RefObject } from 'react';
import type { CanvasHandle } from '../graph/GraphCanvas.js';
import { downloadBlob } from '../graph/download.js';

/** DOT, Mermaid and JSON come from the server's exporters; PNG and SVG are drawn from the current view. */
export function ExportMenu({ canvas }: { canvas: RefObject<CanvasHandle | null> }) {
  return (
    <div className="export-menu">
      <span className="muted">Export</span>
      <a className="button" data-testid="export-dot" href="/api/export?format=dot" download="flowgraph.dot">
        DOT
      </a>
      <a className="button" data-testid="export-mermaid" href="/api/export?format=mermaid" download="flowgraph.mmd">
        Mermaid
      </a>
      <a className="button" data-testid="export-json" href="/api/export?format=json" download="flowgraph.json">
        JSON
      </a>
      <button
        type="button"
        className="button"
        data-testid="export-png"
        onClick={async () => {
          const blob = await canvas.current?.png();
          if (blob) downloadBlob(blob, 'flowgraph.png');
        }}
      >
        PNG
      </button>
      <button
        type="button"
        className="button"
        data-testid="export-svg"
        onClick={() => {
          const text = canvas.current?.svg();
          if (text) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), 'flowgraph.svg');
        }}
      >
        SVG
      </button>
    </div>
  );
}
