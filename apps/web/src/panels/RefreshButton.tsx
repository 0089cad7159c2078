import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client.js';

/** `POST /api/refresh`; the progress stream shows the crawl and the graph reloads when it is done. */
export function useRefresh() {
  return useMutation({ mutationFn: () => api.post('refresh').json() });
}

/** Starts a re-crawl. */
export function RefreshButton() {
  const refresh = useRefresh();
  return (
    <button
      type="button"
      className="button"
      onClick={() => refresh.mutate()}
      disabled={refresh.isPending}
      title={refresh.error?.message ?? 'Crawl the org again'}
    >
      {refresh.isError ? 'Retry later' : 'Re-crawl'}
    </button>
  );
}
