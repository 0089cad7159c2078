import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client.js';

/** `POST /api/refresh`; the progress stream shows the crawl and the graph reloads when it is done. */
export function useRefresh() {
  return useMutation({ mutationFn: () => api.post('refresh').json() });
}

/** Starts a re-crawl; in files mode (`flowgraph serve`) reads every file again. */
export function RefreshButton({ files = false }: { files?: boolean }) {
  const refresh = useRefresh();
  return (
    <button
      type="button"
      className="button"
      onClick={() => refresh.mutate()}
      disabled={refresh.isPending}
      title={refresh.error?.message ?? (files ? 'Read every file again' : 'Crawl the org again')}
    >
      {refresh.isError ? 'Retry later' : files ? 'Re-read' : 'Re-crawl'}
    </button>
  );
}
