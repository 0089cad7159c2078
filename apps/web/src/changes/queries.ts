import { diffResponseSchema, historyResponseSchema } from '@flowgraph/core';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../api/client.js';
import { queryKeys } from '../api/queries.js';

export const historyQuery = () =>
  queryOptions({
    queryKey: queryKeys.history(),
    queryFn: () => getJson('history', historyResponseSchema),
    retry: false,
  });

/** Two stored crawls compared; both ids in the key (undefined: the server's default, the last two). */
export const diffQuery = (from: number | undefined, to: number | undefined) =>
  queryOptions({
    queryKey: queryKeys.diff(from, to),
    queryFn: () => {
      const params = new URLSearchParams();
      if (from !== undefined) params.set('from', String(from));
      if (to !== undefined) params.set('to', String(to));
      return getJson('diff', diffResponseSchema, params);
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
