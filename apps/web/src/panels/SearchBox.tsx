import { useEffect, useId, useRef, useState } from 'react';
import { nodeIndex } from '../api/node-index.js';
import type { ExportGraph } from '@flowgraph/core';
import { searchMatches } from '../graph/visual-state.js';
import { useDispatch, useGraphSelector, useGraphUiStore } from '../state/store-context.js';
import { focusOn } from '../state/types.js';

const MAX_SUGGESTIONS = 8;

/** Type-ahead over node names: typing highlights matches, choosing one selects and centres it. */
export function SearchBox({ graph, jumpTo }: { graph: ExportGraph; jumpTo(ids: readonly string[]): void }) {
  const dispatch = useDispatch();
  const mode = useGraphSelector((state) => state.mode);
  const [text, setText] = useState(mode.kind === 'search' ? mode.query : '');
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  useSlashToSearch(input);
  const byId = nodeIndex(graph);
  const suggestions = searchMatches(graph, text)
    .map((id) => byId.get(id)!)
    .sort((a, b) => rank(a.name, text) - rank(b.name, text) || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS);
  const open = text.trim() !== '' && mode.kind === 'search';

  const choose = (id: string) => {
    setText('');
    dispatch({ type: 'selectNode', id });
    jumpTo([id]);
  };
  /** Selects it (so Back lands on it) and opens its focus diagram. */
  const focus = (id: string) => {
    choose(id);
    dispatch({ type: 'openScope', scope: focusOn(id) });
  };

  return (
    <div className="search">
      <input
        ref={input}
        data-testid="search"
        type="search"
        placeholder="Search flows and resources…"
        role="combobox"
        aria-label="Search flows and resources"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && suggestions[active] ? `${listId}-${active}` : undefined}
        aria-describedby={`${listId}-keys`}
        aria-keyshortcuts="/"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          dispatch({ type: 'search', query: event.target.value });
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, suggestions.length - 1));
          if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          const chosen = suggestions[active];
          if (event.key === 'Enter' && chosen) {
            if (event.shiftKey) focus(chosen.id);
            else choose(chosen.id);
          }
        }}
      />
      <span id={`${listId}-keys`} className="visually-hidden">
        Arrow keys choose a suggestion, Enter selects it, Shift+Enter opens its focus diagram, Esc clears.
      </span>
      {open && (
        <div className="suggestions" role="listbox" id={listId}>
          {suggestions.length === 0 && <div className="muted">No match</div>}
          {suggestions.map((node, i) => (
            // mousedown, not click: it fires before the input's blur, so the choice is not lost.
            <div
              key={node.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={() => choose(node.id)}
            >
              <span>{node.name}</span>
              <small>{node.type.toLowerCase()}</small>
              {/* Not a button: an option holds no focusable control (axe nested-interactive); Shift+Enter does this from the keyboard. */}
              <span
                className="row-action"
                aria-hidden="true"
                data-testid="search-focus"
                title="Open its focus diagram (Shift+Enter)"
                onMouseDown={(event) => {
                  event.stopPropagation();
                  focus(node.id);
                }}
              >
                focus
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * `/` anywhere on the org view (the graph canvas included) puts the cursor in the search box, as
 * on GitHub or MDN; not while typing, and not under a dialog, which owns the keyboard.
 */
function useSlashToSearch(input: { current: HTMLInputElement | null }): void {
  const store = useGraphUiStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const typing = event.target instanceof HTMLElement && event.target.closest('input, select, textarea') !== null;
      const { scope, openFlow } = store.getState();
      if (typing || scope !== null || openFlow !== null) return;
      // Not typed into the box it focuses.
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, input]);
}

/** Names that start with the query come first. */
function rank(name: string, query: string): number {
  return name.toLowerCase().startsWith(query.trim().toLowerCase()) ? 0 : 1;
}
