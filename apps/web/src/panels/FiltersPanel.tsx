import type { GraphResponse } from '@flowgraph/core';
import { type Category, categoryOf } from '../graph/palette.js';
import { useDispatch, useGraphSelector } from '../state/store-context.js';
import type { NodeKindFilter } from '../state/types.js';
import { Panel } from './Panel.js';

interface Row {
  category: Category;
  kind: NodeKindFilter;
  types: string[];
  count: number;
}

/** The legend doubles as the filter: one checkbox per category present, counted. */
function rowsOf(data: GraphResponse): Row[] {
  const rows = new Map<string, Row>();
  for (const node of data.graph.nodes) {
    if (node.kind === 'step') continue;
    const category = categoryOf(node.kind, node.type);
    const key = `${node.kind}:${category.label}`;
    const row = rows.get(key) ?? { category, kind: node.kind, types: [], count: 0 };
    if (!row.types.includes(node.type)) row.types.push(node.type);
    row.count++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count);
}

export function FiltersPanel({ data }: { data: GraphResponse }) {
  const dispatch = useDispatch();
  const filters = useGraphSelector((state) => state.filters);
  const rows = rowsOf(data);
  const kinds: [NodeKindFilter, string][] = [
    ['flow', 'Flows'],
    ['resource', 'Resources'],
  ];
  return (
    <Panel title="Show" testId="filters-panel">
      {kinds.map(([kind, label]) => (
        <div key={kind} className="filter-group">
          <label className="check strong">
            <input type="checkbox" checked={!filters.hiddenKinds.includes(kind)} onChange={() => dispatch({ type: 'toggleKind', kind })} />
            {label}
          </label>
          {rows
            .filter((row) => row.kind === kind)
            .map((row) => {
              const shown = !row.types.every((type) => filters.hiddenTypes.includes(type));
              return (
                <label key={row.category.label} className="check indent" data-testid={`filter-${row.category.label}`}>
                  <input
                    type="checkbox"
                    checked={shown}
                    disabled={filters.hiddenKinds.includes(kind)}
                    onChange={() => dispatch({ type: 'setTypesHidden', types: row.types, hidden: shown })}
                  />
                  <i className="swatch" style={{ background: row.category.colour }} />
                  {row.category.label}
                  <span className="count">{row.count}</span>
                </label>
              );
            })}
        </div>
      ))}
    </Panel>
  );
}
