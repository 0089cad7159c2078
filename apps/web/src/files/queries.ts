import { filesResponseSchema } from '@flowgraph/core';
import { queryOptions, skipToken } from '@tanstack/react-query';
import { getJson } from '../api/client.js';
import { queryKeys } from '../api/queries.js';

/** Every input file and what it gave: made stale with the graph (a re-read changes both). */
export const filesQueryKey = () => [...queryKeys.crawled(), 'files'] as const;

/** `enabled`: files mode, or files opened in the page; elsewhere there is no such list. */
export const filesQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: filesQueryKey(),
    queryFn: enabled ? () => getJson('files', filesResponseSchema) : skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
