import { meResponseSchema } from '@flowgraph/core';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './client.js';
import { queryKeys } from './queries.js';

/** `GET /api/me`: who is signed in (team mode) or that this server has no sign-in. Asked once per page. */
export const meQuery = () =>
  queryOptions({
    queryKey: queryKeys.me(),
    queryFn: () => getJson('me', meResponseSchema),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
