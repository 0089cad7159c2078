import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FilesResponse, GraphResponse, ImportIssue, InputFileReport } from '@flowgraph/core';
import { Panel } from '../panels/Panel.js';
import { useDispatch } from '../state/store-context.js';
import { filesQuery } from './queries.js';
import './files.css';

/** Above this many files the list starts with only those that have problems. */
const LONG_LIST = 30;

/**
 * Files mode (`flowgraph serve`, or files opened in the page): every input file, its format, the
 * flows it gave, its errors and warnings (with line, column and field) and when it was read. A
 * file whose newest version is broken says the graph shows its last good version. A click
 * selects the file's flow on the graph.
 */
export function FilesPanel({ data, jumpTo }: { data: GraphResponse; jumpTo(ids: readonly string[]): void }) {
  const isFiles = data.source.kind === 'files';
  const files = useQuery(filesQuery(isFiles));
  const [onlyProblems, setOnlyProblems] = useState<boolean | undefined>(undefined);
  const dispatch = useDispatch();
  if (!isFiles) return null;
  const response = files.data;
  const rows = response ? ordered(response.files) : [];
  const withProblems = rows.filter((file) => file.errors > 0 || file.warnings > 0 || file.stale).length;
  const filtered = onlyProblems ?? (rows.length > LONG_LIST && withProblems > 0);
  const shown = filtered ? rows.filter((file) => file.errors > 0 || file.warnings > 0 || file.stale) : rows;
  const base = commonFolder(rows.map((file) => file.path));
  const select = (file: InputFileReport) => {
    const first = file.flows[0];
    if (first === undefined) return;
    dispatch({ type: 'selectNode', id: first.id });
    jumpTo(file.flows.map((flow) => flow.id));
  };
  return (
    <Panel title="Files" count={response?.files.length} testId="files-panel">
      {files.error && <p className="bad-text">{files.error.message}</p>}
      {response?.overlay && <OverlaySummary overlay={response.overlay} data={data} jumpTo={jumpTo} />}
      {response && (
        <p className="muted files-summary">
          {summaryOf(response)}
          {rows.length > 0 && withProblems > 0 && (
            <label className="check">
              <input type="checkbox" checked={filtered} onChange={(event) => setOnlyProblems(event.target.checked)} />
              only files with problems ({withProblems})
            </label>
          )}
        </p>
      )}
      <ul className="list files-list">
        {shown.map((file) => (
          <li key={file.path} data-testid="file-row" data-path={file.path}>
            <button
              type="button"
              className={`row file-row ${file.errors > 0 ? 'has-errors' : ''}`}
              onClick={() => select(file)}
              disabled={file.flows.length === 0}
              title={file.flows.length === 0 ? `${file.path}: no flow` : `Select ${file.flows.map((flow) => flow.name).join(', ')}`}
            >
              <span className={`dot ${file.errors > 0 ? 'bad' : file.warnings > 0 ? 'warn' : 'good'}`} />
              <span className="path">{relativeTo(base, file.path)}</span>
              <small>
                {file.format} · {flowsText(file)} · read {new Date(file.readAt).toLocaleTimeString()}
              </small>
              {file.stale && (
                <small className="stale-note" data-testid="file-stale">
                  stale: the graph shows the version read at {new Date(file.stale.since).toLocaleTimeString()}
                </small>
              )}
            </button>
            {file.issues.length > 0 && (
              <ul className="file-issues">
                {file.issues.map((issue) => (
                  <li key={`${issue.severity}:${where(issue)}:${issue.message}`} data-testid="file-issue">
                    <span className={`severity ${issue.severity}`}>{issue.severity}</span> {where(issue)}
                    {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** Files laid over an org: what they replaced, changed and added ("what if I deploy these"). */
function OverlaySummary({
  overlay,
  data,
  jumpTo,
}: {
  overlay: NonNullable<FilesResponse['overlay']>;
  data: GraphResponse;
  jumpTo(ids: readonly string[]): void;
}) {
  const dispatch = useDispatch();
  const names = new Map(data.graph.nodes.map((node) => [node.id, node.name]));
  const changed = new Set(overlay.changed);
  const item = (id: string, mark: 'changed' | 'unchanged' | 'added') => (
    <li key={id}>
      <button
        type="button"
        className="row compact"
        data-testid={`overlay-${mark}`}
        onClick={() => {
          dispatch({ type: 'selectNode', id });
          jumpTo([id]);
        }}
      >
        <span className={`overlay-mark ${mark}`}>{mark}</span>
        <span className="path">{names.get(id) ?? id}</span>
      </button>
    </li>
  );
  return (
    <div className="overlay-summary" data-testid="overlay-summary">
      <strong>Deployed over {overlay.base}</strong>: {overlay.replaced.length} flow(s) replaced ({overlay.changed.length} changed),{' '}
      {overlay.added.length} added
      {overlay.cyclesIntroduced > 0 && <span className="bad-text">, {overlay.cyclesIntroduced} new cycle(s)</span>}.
      <ul className="list compact">
        {overlay.replaced.map((id) => item(id, changed.has(id) ? 'changed' : 'unchanged'))}
        {overlay.added.map((id) => item(id, 'added'))}
      </ul>
    </div>
  );
}

/** Errors first, then stale files and warnings, then by path: what needs attention on top. */
function ordered(files: readonly InputFileReport[]): InputFileReport[] {
  const rank = (file: InputFileReport) => (file.errors > 0 ? 0 : file.stale ? 1 : file.warnings > 0 ? 2 : 3);
  return [...files].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}

function summaryOf(response: FilesResponse): string {
  const flows = new Set(response.files.flatMap((file) => file.flows.map((flow) => flow.id))).size;
  const broken = response.files.filter((file) => file.errors > 0).length;
  const skipped = response.skipped ? ` · ${response.skipped} other file(s) skipped` : '';
  return `${response.files.length} file(s) · ${flows} flow(s)${broken > 0 ? ` · ${broken} with errors` : ''}${skipped}`;
}

function flowsText(file: InputFileReport): string {
  if (file.flows.length === 0) return 'no flow';
  if (file.flows.length === 1) return file.flows[0]!.name;
  return `${file.flows.length} flows`;
}

/** `line 4, column 7 · flows[0].tasks: ` (what the reader knows and the message does not say). */
function where(issue: ImportIssue): string {
  const parts: string[] = [];
  if (issue.line !== undefined && !issue.message.includes(`line ${issue.line}`))
    parts.push(`line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''}`);
  if (issue.field !== undefined) parts.push(issue.field);
  return parts.length > 0 ? `${parts.join(' · ')}: ` : '';
}

/** The folder every path is in (`/work/flows/`), so rows show what differs. */
function commonFolder(paths: readonly string[]): string {
  if (paths.length < 2) return paths[0]?.slice(0, paths[0].lastIndexOf('/') + 1) ?? '';
  let prefix = paths[0]!;
  for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

function relativeTo(base: string, path: string): string {
  return path.startsWith(base) && path.length > base.length ? path.slice(base.length) : path;
}
