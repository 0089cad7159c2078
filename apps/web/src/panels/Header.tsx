import type { RefObject } from 'react';
import type { CrawlProgress, GraphResponse } from '@flowgraph/core';
import type { CanvasHandle } from '../graph/GraphCanvas.js';
import { ExportMenu } from './ExportMenu.js';
import { ProgressBar } from './ProgressBar.js';
import { RefreshButton } from './RefreshButton.js';
import { SearchBox } from './SearchBox.js';
import { SignedInAs } from './SignedInAs.js';

interface Props {
  data: GraphResponse | undefined;
  progress: CrawlProgress | undefined;
  canvas: RefObject<CanvasHandle | null>;
  jumpTo(ids: readonly string[]): void;
  /** Opens Changes mode (two stored crawls compared). */
  onChanges(): void;
}

/** Brand, where the data came from, the headline numbers, search and export. */
export function Header({ data, progress, canvas, jumpTo, onChanges }: Props) {
  const analysis = data?.analysis;
  const errors = analysis?.findings.filter((finding) => finding.severity === 'error').length ?? 0;
  const orgCycles = analysis?.cycles.filter((cycle) => cycle.scope === 'org').length ?? 0;
  return (
    <header className="header">
      <div className="brand">
        <span className="logo" aria-hidden="true" />
        <div>
          <h1>Flowgraph</h1>
          {data && (
            <div className="source">
              {data.source.kind === 'demo' ? 'Demo org' : `Org in ${data.source.region ?? 'unknown region'}`} · fetched{' '}
              {new Date(data.source.fetchedAt).toLocaleString()}
            </div>
          )}
        </div>
      </div>
      {analysis && (
        <div className="stats">
          <Stat label="flows" value={analysis.summary.flows} />
          <Stat label="resources" value={analysis.summary.resources} />
          <Stat label="dependencies" value={analysis.summary.edges} />
          <Stat label="org cycles" value={orgCycles} tone={orgCycles > 0 ? 'bad' : 'good'} />
          <Stat label="errors" value={errors} tone={errors > 0 ? 'bad' : 'good'} />
        </div>
      )}
      <div className="header-actions">
        {data && <SearchBox graph={data.graph} jumpTo={jumpTo} />}
        <ExportMenu canvas={canvas} />
        <button type="button" className="button" data-testid="open-changes" onClick={onChanges} title="Compare two stored crawls">
          Changes
        </button>
        <RefreshButton />
        <SignedInAs />
      </div>
      <ProgressBar progress={progress} />
    </header>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'good' | 'bad' }) {
  return (
    <div className={`stat ${tone ?? ''}`}>
      <strong>{value.toLocaleString()}</strong>
      <span>{label}</span>
    </div>
  );
}
