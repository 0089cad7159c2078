import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client.js';

/** Starts a re-crawl; the progress stream shows it and the graph reloads when it is done. */
export function RefreshButton() {
  const refresh = useMutation({ mutationFn: () => api.post('refresh').json() });
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
