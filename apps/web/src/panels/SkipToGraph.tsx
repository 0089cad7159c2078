import type { MouseEvent } from 'react';
import { GRAPH_CANVAS_ID } from '../graph/use-keyboard-nav.js';

/**
 * The page's first Tab stop, shown only while it has the keyboard focus: without it the canvas is
 * behind every header and sidebar control (29 presses on the demo org). Focus is moved by script
 * because following the #fragment would change the URL, which holds the view's state.
 */
export function SkipToGraph() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const canvas = document.getElementById(GRAPH_CANVAS_ID);
    if (!canvas) return;
    event.preventDefault();
    canvas.focus();
  };
  return (
    <a className="skip-link" href={`#${GRAPH_CANVAS_ID}`} onClick={skip} data-testid="skip-to-graph">
      Skip to the graph
    </a>
  );
}
