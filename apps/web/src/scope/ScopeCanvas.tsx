import { type Ref, useMemo, useRef } from 'react';
import type { ScopeAnswer } from '@flowgraph/core';
import { type CanvasEvent, type CanvasHandle, GraphCanvas, type Opening } from '../graph/GraphCanvas.js';
import { MAX_FIT_ZOOM, MIN_READABLE_ZOOM, readableLayout } from './readable-layout.js';
import { LABEL_WIDTH, scopeElements } from './scope-elements.js';
import { LABEL_FONT, scopeStylesheet } from './scope-style.js';
import { browserMeasure } from './wrap-label.js';
import { useSize } from './use-size.js';

const PADDING = 16;

interface Props {
  scope: ScopeAnswer;
  testId: string;
  /** Nodes the view opens around when the whole diagram cannot be read at fit. */
  subject: readonly string[];
  selected: string | null;
  onEvent(event: CanvasEvent): void;
  handle: Ref<CanvasHandle>;
}

/**
 * One scope drawn to be read: core's scope layout cut to the canvas (readableLayout), boxes
 * with 12 px names, the fit zoom kept at or above 10 / 12 so no label is drawn under 10 px.
 */
export function ScopeCanvas({ scope, testId, subject, selected, onEvent, handle }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const size = useSize(box);
  const placed = useMemo(() => (size ? readableLayout(scope, size, PADDING) : undefined), [scope, size]);
  const elements = useMemo(
    () =>
      placed
        ? scopeElements(scope, placed.layout, {
            regular: browserMeasure(LABEL_FONT, LABEL_WIDTH),
            bold: browserMeasure(`bold ${LABEL_FONT}`, LABEL_WIDTH),
          })
        : [],
    [scope, placed],
  );
  const subjectKey = subject.join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the ids, not the array's identity
  const opening = useMemo<Opening>(
    () => ({ minZoom: MIN_READABLE_ZOOM, maxZoom: MAX_FIT_ZOOM, anchor: subject, padding: PADDING }),
    [subjectKey],
  );
  const classes = useMemo(() => new Map(selected === null ? [] : [[selected, 'selected']]), [selected]);
  return (
    <div className="scope-canvas" ref={box}>
      {placed && (
        <GraphCanvas
          name="scope"
          testId={testId}
          elements={elements}
          nodeCount={scope.nodes.length}
          classes={classes}
          view={null}
          onEvent={onEvent}
          handle={handle}
          style={scopeStylesheet}
          opening={opening}
        />
      )}
    </div>
  );
}
