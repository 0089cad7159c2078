import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type CrawlProgress, crawlProgressSchema } from '@flowgraph/core';
import { queryKeys } from './queries.js';

/**
 * Follows `/api/progress` (server-sent events). When a crawl finishes, the graph and every
 * impact and step answer (`queryKeys.crawled()`) are stale, so they are refetched; the browser
 * reconnects a dropped stream itself.
 */
export function useCrawlProgress(): CrawlProgress | undefined {
  const [progress, setProgress] = useState<CrawlProgress>();
  const queryClient = useQueryClient();

  useEffect(() => {
    const source = new EventSource('/api/progress');
    let previous: CrawlProgress['phase'] | undefined;
    source.onmessage = (event: MessageEvent<string>) => {
      let body: unknown;
      try {
        body = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = crawlProgressSchema.safeParse(body);
      if (!parsed.success) return;
      const phase = parsed.data.phase;
      if (phase === 'done' && previous !== undefined && previous !== 'done' && previous !== 'idle') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.crawled() });
      }
      previous = phase;
      setProgress(parsed.data);
    };
    return () => source.close();
  }, [queryClient]);

  return progress;
}
