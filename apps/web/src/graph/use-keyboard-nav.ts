import type { ExportGraph, Point } from '@flowgraph/core';
import { type HTMLAttributes, type KeyboardEvent, useId, useRef, useState } from 'react';
import { nameOf } from '../api/node-index.js';
import { useDispatch } from '../state/store-context.js';
import { focusOn } from '../state/types.js';
import { announce } from './cursor-announcement.js';
import { buildNavGraph, type Cursor, isNavKey, move, type NavGraph, validCursor } from './keyboard-nav.js';

export interface KeyboardNavInput {
  graph: ExportGraph;
  positions: Readonly<Record<string, Point>>;
  /** Nodes the filters hide. */
  hidden: ReadonlySet<string>;
  /** The selected node, where the first arrow starts. */
  selected: string | null;
}

export interface KeyboardNav {
  /** The node under the keyboard cursor, drawn with a focus ring and kept in view. */
  cursor: string | null;
  /** What the live region says. */
  announcement: string;
  /** Spread on the canvas container: focusable, named, described and listening for keys. */
  containerProps: HTMLAttributes<HTMLDivElement>;
  /** The id of the key hint `containerProps` points to (render it). */
  hintId: string;
}

/**
 * The org canvas's keyboard: arrows move a cursor along the edges (see keyboard-nav.ts), Enter
 * selects its node as a click does, `f` opens its focus diagram, Esc drops it. Keys it does not
 * take (Esc after dropping the cursor, `f` without a cursor, `/`) go on to the page's own handlers
 * in App and SearchBox, so each key does one thing.
 */
export function useKeyboardNav({ graph, positions, hidden, selected }: KeyboardNavInput): KeyboardNav {
  const dispatch = useDispatch();
  const hintId = useId();
  const [stored, setStored] = useState<Cursor | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Built on the first key, not on every selection of a mouse user (the hidden set is new with each).
  const built = useRef<{ input: KeyboardNavInput; nav: NavGraph } | null>(null);
  const navigation = () => {
    const last = built.current;
    if (last && last.input.graph === graph && last.input.positions === positions && last.input.hidden === hidden) return last.nav;
    const nav = buildNavGraph({ graph, positions, hidden });
    built.current = { input: { graph, positions, hidden, selected }, nav };
    return nav;
  };
  // A filter can hide the node under the cursor: then there is none.
  const cursor = stored === null ? null : validCursor(navigation(), stored);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isNavKey(event.key)) {
      event.preventDefault();
      const nav = navigation();
      const result = move(nav, cursor, event.key, selected);
      setStored(result.cursor);
      setAnnouncement(announce(graph, nav, result));
      return;
    }
    if (cursor === null) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      dispatch({ type: 'selectNode', id: cursor.node });
      setAnnouncement(`Selected ${nameOf(graph, cursor.node)}`);
    } else if (event.key === 'f') {
      // Selected first, as the search box's focus does, so Back from the diagram lands on it; App's F would open the selection's.
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: 'selectNode', id: cursor.node });
      dispatch({ type: 'openScope', scope: focusOn(cursor.node) });
    } else if (event.key === 'Escape') {
      // Not stopped: App's Esc then clears the selection too.
      setStored(null);
      setAnnouncement('');
    }
  };

  return {
    cursor: cursor?.node ?? null,
    announcement,
    hintId,
    containerProps: {
      id: GRAPH_CANVAS_ID,
      tabIndex: 0,
      role: 'application',
      'aria-label': 'Org graph',
      'aria-describedby': hintId,
      onKeyDown,
    },
  };
}

/** The canvas's element id: the page's "Skip to the graph" link moves the keyboard focus there. */
export const GRAPH_CANVAS_ID = 'org-graph-canvas';

/** The key hint, read with the canvas's name and shown while the canvas has keyboard focus. */
export const KEY_HINT =
  'Home: an entry flow. Right arrow: what it uses. Left arrow: what uses it. Up and Down arrows: the others of that list. ' +
  'Enter: select. F: focus diagram. Slash: search. Esc: clear.';
