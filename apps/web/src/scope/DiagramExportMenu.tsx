import { EXPORT_FILE_TYPES, type ExportFormat, type MermaidSize, mermaidSize, scopeFileName } from '@flowgraph/core';
import { type RefObject, useState } from 'react';
import type { CanvasHandle } from '../graph/GraphCanvas.js';
import { downloadBlob } from '../graph/download.js';
import { ImageExportButtons } from '../panels/ImageExportButtons.js';

interface Props {
  /** What the diagram shows, as core names files: `main-ivr.down-2` (+ `.dot`). */
  fileStem: string;
  /** The diagram on screen as text: core's exporters run on exactly what the canvas draws. */
  render(format: ExportFormat): string;
  /** `scope-export` -> `scope-export-dot`, `scope-export-png`, … */
  testId: string;
  canvas: RefObject<CanvasHandle | null>;
  /** Offered when Mermaid would be too large and grouping would bring it down. */
  onGroup?: (() => void) | undefined;
}

/**
 * Exports of exactly the diagram on screen (a focus, a cycle, a path, a flow's steps): DOT,
 * Mermaid and JSON are core's exporters run on what the view draws (for a scope, the same text
 * the server's /api/export gives), SVG and PNG are the canvas itself, whole, at print quality.
 * Every file is named by core's one rule (`scopeFileName`): `main-ivr.down-2.dot`.
 */
export function DiagramExportMenu({ fileStem, render, testId, canvas, onGroup }: Props) {
  const [tooLarge, setTooLarge] = useState<{ text: string; size: MermaidSize } | null>(null);
  const fileName = (extension: string) => scopeFileName(fileStem, extension);
  const saveText = (format: ExportFormat, text: string) => {
    const { extension, contentType } = EXPORT_FILE_TYPES[format];
    downloadBlob(new Blob([text], { type: `${contentType};charset=utf-8` }), fileName(extension));
  };
  const exportText = (format: ExportFormat) => {
    const text = render(format);
    if (format === 'mermaid') {
      const size = mermaidSize(text);
      if (!size.fits) {
        setTooLarge({ text, size });
        return;
      }
    }
    saveText(format, text);
  };

  return (
    <div className="export-menu" data-testid={testId}>
      <span className="muted">Export</span>
      <button type="button" className="button" data-testid={`${testId}-dot`} onClick={() => exportText('dot')}>
        DOT
      </button>
      <button type="button" className="button" data-testid={`${testId}-mermaid`} onClick={() => exportText('mermaid')}>
        Mermaid
      </button>
      <button type="button" className="button" data-testid={`${testId}-json`} onClick={() => exportText('json')}>
        JSON
      </button>
      <ImageExportButtons canvas={canvas} fileName={fileName} full={true} testIdPrefix={testId} />
      {tooLarge && (
        <div className="export-warning" role="alertdialog" aria-label="Mermaid too large" data-testid="mermaid-warning">
          <p>{tooLarge.size.advice}</p>
          <div className="actions">
            {onGroup && (
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  setTooLarge(null);
                  onGroup();
                }}
              >
                Group the diagram
              </button>
            )}
            <button
              type="button"
              className="button"
              onClick={() => {
                saveText('mermaid', tooLarge.text);
                setTooLarge(null);
              }}
            >
              Download anyway
            </button>
            <button type="button" className="button" onClick={() => exportText('dot')}>
              DOT instead
            </button>
            <button type="button" className="button" onClick={() => setTooLarge(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
