import { queryOptions } from '@tanstack/react-query';
import type { Policy } from '../state/types.js';
import { getJson, isCrawlPending } from './client.js';
import { stepsResponseSchema, graphResponseSchema, impactSchema, clientMetricsSchema } from '@flowgraph/core';

/** Query options factories, one per resource; each key holds every variable its fetcher reads. */

function graphSearchParams(policy: Policy): URLSearchParams {
  const params = new URLSearchParams();
  if (policy.strict) params.set('strict', 'true');
  if (policy.targetVersion !== '') params.set('targetVersion', policy.targetVersion);
  if (policy.allowedStatus.length > 0) params.set('allowedStatus', policy.allowedStatus.join(','));
  return params;
}

export const graphQuery = (policy: Policy) =>
  queryOptions({
    queryKey: ['graph', policy.strict, policy.targetVersion, policy.allowedStatus.join(',')],
    queryFn: () => getJson('graph', graphResponseSchema, graphSearchParams(policy)),
    staleTime: Number.POSITIVE_INFINITY,
    // While the first crawl runs the server says 503; keep asking, the progress bar shows why.
    retry: (count, error) => isCrawlPending(error) || count < 2,
    retryDelay: 1500,
  });

export const impactQuery = (nodeId: string) =>
  queryOptions({
    queryKey: ['impact', nodeId],
    queryFn: () => getJson('impact', impactSchema, new URLSearchParams({ node: nodeId, direction: 'both' })),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const flowStepsQuery = (flowId: string) =>
  queryOptions({
    queryKey: ['flow-steps', flowId],
    queryFn: () => getJson(`flows/${encodeURIComponent(flowId)}/steps`, stepsResponseSchema),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const metricsQuery = () =>
  queryOptions({
    queryKey: ['metrics'],
    queryFn: () => getJson('metrics', clientMetricsSchema),
    refetchInterval: 5000,
  });
