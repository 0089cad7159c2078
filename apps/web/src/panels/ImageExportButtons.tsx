import type { RefObject } from 'react';
import type { CanvasHandle } from '../graph/GraphCanvas.js';
import { downloadBlob } from '../graph/download.js';
import { type ImageText, withTextAlternative } from '../graph/svg-description.js';

interface Props {
  canvas: RefObject<CanvasHandle | null>;
  /** The file name for an extension (`png`, `svg`). */
  fileName(extension: string): string;
  /** The whole diagram at print quality, or the current view. */
  full: boolean;
  /** `export` -> `export-png`, `export-svg`. */
  testIdPrefix: string;
  /** The SVG's `<title>` and `<desc>`, read when it is saved; without it the SVG is saved as drawn. */
  describe?: () => ImageText;
}

/** PNG and SVG drawn from a canvas: the same two buttons in every export menu. */
export function ImageExportButtons({ canvas, fileName, full, testIdPrefix, describe }: Props) {
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
          const drawn = canvas.current?.svg({ full });
          if (!drawn) return;
          const text = describe ? withTextAlternative(drawn, describe()) : drawn;
          downloadBlob(new Blob([text], { type: 'image/svg+xml' }), fileName('svg'));
        }}
      >
        SVG
      </button>
    </>
  );
}
