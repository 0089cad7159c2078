import type { RefObject } from 'react';
import type { CrawlProgress, GraphResponse } from '@flowgraph/core';
import { useQuery } from '@tanstack/react-query';
import { OpenFiles, useLocalFiles } from '../files/OpenFiles.js';
import { filesQuery } from '../files/queries.js';
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
  const localFiles = useLocalFiles();
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
            <div className="source" data-testid="source">
              <SourceName data={data} /> · {data.source.kind === 'files' ? 'read' : 'fetched'}{' '}
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
        <ExportMenu canvas={canvas} data={data} />
        <OpenFiles />
        {/* Files keep no crawl history; files opened in the page are not re-crawled. */}
        {data?.source.kind !== 'files' && (
          <button type="button" className="button" data-testid="open-changes" onClick={onChanges} title="Compare two stored crawls">
            Changes
          </button>
        )}
        {localFiles.status !== 'loaded' && <RefreshButton files={data?.source.kind === 'files'} />}
        <SignedInAs />
      </div>
      <ProgressBar
        progress={progress}
        source={localFiles.status === 'loaded' ? 'opened' : data?.source.kind === 'files' ? 'files' : undefined}
      />
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

/** Where the graph comes from: the demo org, a live org, files served, or files opened in the page. */
function SourceName({ data }: { data: GraphResponse }) {
  const local = useLocalFiles();
  const files = useQuery(filesQuery(data.source.kind === 'files'));
  if (local.status === 'loaded') return <>Opened in this page: {local.label}</>;
  if (data.source.kind === 'demo') return <>Demo org</>;
  if (data.source.kind === 'files') return <>Files: {files.data?.inputs.join(', ') ?? '…'}</>;
  return <>Org in {data.source.region ?? 'unknown region'}</>;
}
