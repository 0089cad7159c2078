import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { graphQuery } from './api/queries.js';
import { useCrawlProgress } from './api/use-crawl-progress.js';
import type { CanvasHandle, ViewRequest } from './graph/GraphCanvas.js';
import { OrgGraph } from './graph/OrgGraph.js';
import { CyclesPanel } from './panels/CyclesPanel.js';
import { DeploymentPanel } from './panels/DeploymentPanel.js';
import { DiagnosticsPanel } from './panels/DiagnosticsPanel.js';
import { FiltersPanel } from './panels/FiltersPanel.js';
import { FindingsPanel } from './panels/FindingsPanel.js';
import { FlowStepsView } from './panels/FlowStepsView.js';
import { Header } from './panels/Header.js';
import { ImpactPanel } from './panels/ImpactPanel.js';
import { PolicyPanel } from './panels/PolicyPanel.js';
import { RefreshBanner } from './panels/RefreshBanner.js';
import { StatusMessage } from './panels/StatusMessage.js';
import { ScopePage } from './scope/ScopePage.js';
import { useDispatch, useGraphSelector, useGraphUiStore } from './state/store-context.js';
import { ChangesView } from './changes/ChangesView.js';
import { focusOn } from './state/types.js';
import { leaveView, useUrlSync } from './state/use-url-sync.js';
import { FilesPanel } from './files/FilesPanel.js';
import { LocalFilesBanner } from './files/LocalFilesBanner.js';
import { SkipToGraph } from './panels/SkipToGraph.js';

/** Wires server state, UI state and panels; it draws nothing itself. */
export function App() {
  const store = useGraphUiStore();
  useUrlSync(store);
  const dispatch = useDispatch();
  const policy = useGraphSelector((state) => state.policy);
  const openFlow = useGraphSelector((state) => state.openFlow);
  const scope = useGraphSelector((state) => state.scope);
  // Keep showing the last graph while a policy change re-queries, instead of blanking the page.
  const graph = useQuery({ ...graphQuery(policy), placeholderData: keepPreviousData });
  const progress = useCrawlProgress();
  const canvas = useRef<CanvasHandle>(null);
  const [view, setView] = useState<ViewRequest | null>(null);
  const [changesOpen, setChangesOpen] = useState(false);
  const jumpTo = useCallback((ids: readonly string[]) => setView((last) => ({ ids, seq: (last?.seq ?? 0) + 1 })), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { scope: open, openFlow: flow, mode } = store.getState();
      const typing = event.target instanceof HTMLElement && event.target.closest('input, select, textarea') !== null;
      // F: the selected node's focus diagram, from the org view.
      if (event.key === 'f' && !typing && !event.ctrlKey && !event.metaKey && open === null && flow === null && mode.kind === 'selected') {
        dispatch({ type: 'openScope', scope: focusOn(mode.nodeId) });
        return;
      }
      if (event.key !== 'Escape') return;
      // Esc leaves a view the way Back does, so the history and the screen agree.
      if (open !== null) leaveView(dispatch, { type: 'closeScope' });
      else if (flow !== null) leaveView(dispatch, { type: 'closeFlow' });
      else dispatch({ type: 'clear' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, store]);

  const data = graph.data;
  // The canvas draws a new graph in a deferred render: Cytoscape builds a new instance for it, which
  // takes seconds at a few thousand elements on a slow machine, and the panels (a cycle a save just
  // closed, a file's error) are shown first instead of waiting for it (`pnpm bench serve`).
  const drawn = useDeferredValue(data);
  return (
    <div className="app">
      <SkipToGraph />
      <Header data={data} progress={progress} canvas={canvas} jumpTo={jumpTo} onChanges={() => setChangesOpen(true)} />
      <RefreshBanner data={data} progress={progress} />
      <LocalFilesBanner />
      <main className="workspace">
        <aside className="sidebar sidebar-left" aria-label="Files, filters, policy and cycles">
          {data && <FilesPanel data={data} jumpTo={jumpTo} />}
          {data && <FiltersPanel data={data} />}
          <PolicyPanel />
          {data && <CyclesPanel data={data} jumpTo={jumpTo} />}
        </aside>
        <section className="stage" aria-label="Org graph">
          {drawn ? (
            <OrgGraph data={drawn} view={view} canvas={canvas} jumpTo={jumpTo} />
          ) : (
            <StatusMessage error={graph.error} progress={progress} />
          )}
          {graph.isFetching && data && <div className="stage-busy">Re-analysing…</div>}
          {!graph.isFetching && drawn && drawn !== data && (
            <div className="stage-busy" data-testid="drawing">
              Drawing the new graph…
            </div>
          )}
        </section>
        <aside className="sidebar sidebar-right" aria-label="Impact, findings and deployment">
          {data && <ImpactPanel data={data} />}
          {data && <FindingsPanel data={data} jumpTo={jumpTo} />}
          {data && <DeploymentPanel data={data} jumpTo={jumpTo} />}
          <DiagnosticsPanel />
        </aside>
      </main>
      {openFlow !== null && <FlowStepsView flowId={openFlow} />}
      {changesOpen && <ChangesView onClose={() => setChangesOpen(false)} />}
      {scope !== null && data && <ScopePage view={scope} data={data} />}
    </div>
  );
}
