export { assessCrawl, type CrawlAssessment, DEFAULT_MAX_FAILED_SHARE, failedFlowIds } from './assess-crawl.js';
export { type ConsumedResourcesQuery, fetchConsumedResources } from './consumed-resources.js';
export { type CrawlOptions, crawlOrg, FLOWS_PAGE_SIZE } from './crawl-org.js';
export { type FlowConfiguration, fetchFlowConfiguration } from './flow-configuration.js';
export { dependencyTypeOf, versionToCrawl } from './flow-version.js';
export { type DeletedConsumers, fetchDeletedConsumers, reusableResources, type StoredFlowVersions } from './reuse.js';
