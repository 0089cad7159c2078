import type { RefObject } from 'react';
import type { CanvasHandle } from '../graph/GraphCanvas.js';
import { downloadBlob } from '../graph/download.js';

interface Props {
  canvas: RefObject<CanvasHandle | null>;
  /** The file name for an extension (`png`, `svg`). */
  fileName(extension: string): string;
  /** The whole diagram at print quality, or the current view. */
  full: boolean;
  /** `export` -> `export-png`, `export-svg`. */
  testIdPrefix: string;
}

/** PNG and SVG drawn from a canvas: the same two buttons in every export menu. */
export function ImageExportButtons({ canvas, fileName, full, testIdPrefix }: Props) {
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid={`${testIdPrefix}-png`}
        onClick={async () => {
          const blob = await canvas.current?.png({ full });
          if (blob) downloadBlob(blob, fileName('png'));
        }}
      >
        PNG
      </button>
      <button
        type="button"
        className="button"
        data-testid={`${testIdPrefix}-svg`}
        onClick={() => {
          const text = canvas.current?.svg({ full });
          if (text) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), fileName('svg'));
        }}
      >
        SVG
      </button>
    </>
  );
}
