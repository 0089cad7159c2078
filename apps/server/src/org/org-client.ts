import type { ClientMetrics, CrawlProgress, Snapshot } from '@flowgraph/core';
import type { StoredFlowVersions } from '@flowgraph/genesys';

/** A progress report of the crawl, in the API's terms (the adapter maps the client's events). */
export type CrawlReport = Partial<Omit<CrawlProgress, 'message'>>;

/**
 * What the server needs from Genesys, as a port: the real adapter (genesys-org-client.ts) wraps
 * @flowgraph/genesys, and the same adapter serves demo mode, pointed at the in-process simulator.
 */
export interface OrgClient {
  /** `reuse`: stored flow versions an incremental crawl takes instead of asking again. */
  crawl(onProgress: (report: CrawlReport) => void, signal: AbortSignal, reuse?: StoredFlowVersions): Promise<Snapshot>;
  /** `GET /api/v2/flows/{id}/latestconfiguration`, unvalidated (core's importer validates it). */
  flowConfiguration(flowId: string, signal: AbortSignal): Promise<unknown>;
  metrics(): ClientMetrics;
}
