import type { Snapshot, SnapshotFetchError } from '@flowgraph/core';

/** Above this share of flows whose dependencies failed, a crawl is too partial to trust. */
export const DEFAULT_MAX_FAILED_SHARE = 0.02;

export interface CrawlAssessment {
  /** False when the crawl must not replace a good graph: a listing failure, or too many flows failed. */
  complete: boolean;
  /** Listing pages that failed after their retries: whole flows may be missing. */
  listingFailures: number;
  /** Flows whose dependency requests failed after their retries. */
  failedFlows: number;
  listedFlows: number;
  /** Why it is not complete, in a sentence fragment; undefined when it is. */
  reason?: string;
}

/**
 * Whether a crawl is complete enough to replace the last good one: not when a page of the flow
 * listing failed (flows would vanish), nor when more than `maxFailedShare` of the listed flows
 * failed (their edges would vanish). Only failed requests count: a flow of a type dependency
 * tracking does not know was never asked for, and will not heal on a retry either.
 */
export function assessCrawl(snapshot: Snapshot, maxFailedShare = DEFAULT_MAX_FAILED_SHARE): CrawlAssessment {
  const listingFailures = snapshot.errors.filter((error) => error.flowId === undefined).length;
  const failedFlows = failedFlowIds(snapshot).size;
  const listedFlows = snapshot.flows.length;
  const assessment: CrawlAssessment = { complete: true, listingFailures, failedFlows, listedFlows };
  if (listingFailures > 0) {
    assessment.complete = false;
    assessment.reason = `${listingFailures} page(s) of the flow listing failed, so flows may be missing`;
  } else if (listedFlows > 0 && failedFlows / listedFlows > maxFailedShare) {
    assessment.complete = false;
    assessment.reason =
      `the dependencies of ${failedFlows} of ${listedFlows} flows ` + `could not be fetched (more than ${formatShare(maxFailedShare)})`;
  }
  return assessment;
}

/** Flows whose dependency request failed (a request was made: it has attempts or a status). */
export function failedFlowIds(snapshot: Pick<Snapshot, 'errors'>): Set<string> {
  const ids = new Set<string>();
  for (const error of snapshot.errors) if (isFailedFlowRequest(error)) ids.add(error.flowId);
  return ids;
}

function isFailedFlowRequest(error: SnapshotFetchError): error is SnapshotFetchError & { flowId: string } {
  return error.flowId !== undefined && (error.attempts !== undefined || error.status !== undefined);
}

function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
