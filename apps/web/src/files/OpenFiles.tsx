import { compactGraphResponseSchema, decodeGraphResponse, healthSchema, type SourceInfo } from '@flowgraph/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { getServerJson } from '../api/client.js';
import { queryKeys } from '../api/queries.js';
import { useDispatch } from '../state/store-context.js';
import { describePick, localFiles, type PickedBrowserFile } from './local-files.js';
import { fromDrop, fromFileList } from './picked-files.js';
import './files.css';

/** React passes unknown attributes through: these make a file input pick a folder. */
const FOLDER_PICKER = { webkitdirectory: '', directory: '' };

/**
 * "Open folder" / "Open files" and drag-and-drop anywhere on the page: flow files read in the
 * page (a Web Worker, core's importers; nothing is uploaded), shown alone or deployed over the
 * org the server shows ("what if I deploy these files").
 */
export function OpenFiles() {
  // What the server shows, whatever the page shows: the org files can be deployed over.
  const server = useQuery({
    queryKey: [...queryKeys.all, 'server-health'],
    queryFn: () => getServerJson('health', healthSchema),
    staleTime: Infinity,
  });
  const serverSource = server.data?.mode;
  const [picked, setPicked] = useState<{ files: PickedBrowserFile[]; label: string } | null>(null);
  const dragging = useDragOver((files) => files.length > 0 && setPicked({ files, label: describePick(files) }));
  const state = useLocalFiles();
  const open = usePickedFiles();

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const files = event.target.files ? fromFileList(event.target.files) : [];
    // The same folder picked again must fire `change` again.
    event.target.value = '';
    if (files.length > 0) setPicked({ files, label: describePick(files) });
  };
  return (
    <>
      <div className="open-files">
        <label className="button" title="Read a folder of flow files in this page (nothing is uploaded)">
          Open folder…
          <input type="file" data-testid="open-files" multiple hidden onChange={onInput} {...FOLDER_PICKER} />
        </label>
        <label className="button" title="Read flow files in this page (nothing is uploaded)">
          Open files…
          <input type="file" data-testid="open-file-list" multiple hidden onChange={onInput} />
        </label>
        {state.status === 'loaded' && (
          <button type="button" className="button" data-testid="close-files" onClick={() => open.close()}>
            Close files
          </button>
        )}
      </div>
      {dragging && (
        <div className="drop-zone" data-testid="drop-zone">
          Drop flow files or folders to read them in this page. Nothing is uploaded.
        </div>
      )}
      {picked && (
        <div className="modal-backdrop">
          <div className="open-dialog" role="dialog" aria-label="Open files" data-testid="open-dialog">
            <h2>Open {picked.label}</h2>
            <p className="muted">{picked.files.length} file(s), read in this page: nothing leaves your browser.</p>
            <div className="open-dialog-actions">
              <button
                type="button"
                className="button primary"
                data-testid="open-alone"
                onClick={() => {
                  setPicked(null);
                  void open.load(picked.files, picked.label, false);
                }}
              >
                Show these files
              </button>
              {serverSource !== undefined && (
                <button
                  type="button"
                  className="button"
                  data-testid="open-over"
                  title="Each flow in the files replaces the org's flow of the same name and type; the changes are marked"
                  onClick={() => {
                    setPicked(null);
                    void open.load(picked.files, picked.label, true);
                  }}
                >
                  Deploy over {baseLabel(serverSource)} (what if)
                </button>
              )}
              <button type="button" className="button" onClick={() => setPicked(null)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

/** The state of the files opened in the page. */
export function useLocalFiles() {
  return useSyncExternalStore(localFiles.subscribe, localFiles.getState);
}

/** Loads picked files (alone or over the server's org) and makes the page show them, or the org again. */
function usePickedFiles() {
  const queryClient = useQueryClient();
  const dispatch = useDispatch();
  const switched = () => {
    // Other ids: the selection of the previous graph means nothing in the next.
    dispatch({ type: 'clear' });
    void queryClient.invalidateQueries({ queryKey: queryKeys.crawled() });
  };
  return {
    async load(files: PickedBrowserFile[], label: string, over: boolean) {
      let base: { graph: Parameters<typeof localFiles.load>[2] } | undefined;
      if (over) {
        const org = decodeGraphResponse(await getServerJson('graph', compactGraphResponseSchema));
        base = { graph: { graph: org.graph, label: baseLabel(org.source.kind, org.source.region) } };
      }
      await localFiles.load(files, label, base?.graph);
      switched();
    },
    close() {
      localFiles.close();
      switched();
    },
  };
}

function baseLabel(kind: SourceInfo['kind'], region?: string): string {
  if (kind === 'demo') return 'the demo org';
  if (kind === 'files') return 'the served files';
  return region ? `the org (${region})` : 'the org';
}

/**
 * True while files are dragged over the page; a drop hands them (folders walked) to `onDrop`.
 * Listening on the window: anywhere on the page takes the drop.
 */
function useDragOver(onDrop: (files: PickedBrowserFile[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer || !hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      void fromDrop(event.dataTransfer).then((files) => onDropRef.current(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
