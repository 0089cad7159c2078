/**
 * @flowgraph/core: the analysis core, pure TypeScript, runs in Node and in the browser.
 * Pipeline: importers -> linking (one graph) -> analysis (one result model) -> exporters.
 *
 * The public API is this list and nothing else: every name here is used by another package or
 * app (or is part of the result contract). Add a name when another package needs it, in the
 * group it belongs to; everything else stays inside core.
 */

// The result contract: zod schemas, and the types inferred from them.
export {
  type AnalysisResult,
  analysisResultSchema,
  type Cycle,
  cycleSchema,
  type Deployment,
  deploymentSchema,
  FINDING_CODES,
  type Finding,
  type FindingCode,
  findingCodeSchema,
  findingSchema,
  type ImportError,
  type ImportIssue,
  type ImportWarning,
  importErrorSchema,
  importIssueSchema,
  importWarningSchema,
  type Severity,
  type Summary,
} from './contract/analysis.js';
export {
  type EdgeRoute,
  type ExportEdge,
  type ExportGraph,
  type ExportNode,
  exportEdgeSchema,
  exportGraphSchema,
  exportNodeSchema,
  type JsonExport,
  jsonExportSchema,
  type Layout,
  layoutSchema,
  type Point,
} from './contract/graph.js';
export {
  type ApiError,
  apiErrorSchema,
  type GraphResponse,
  graphResponseSchema,
  type Health,
  healthSchema,
  refreshResponseSchema,
  type SourceInfo,
  type StaleFlow,
  staleFlowSchema,
  type StepsResponse,
  stepsResponseSchema,
} from './contract/http.js';
export {
  CHANGE_ROLES,
  type ChangeRole,
  crawlStatsSchema,
  type DiffResponse,
  diffResponseSchema,
  type HistoryResponse,
  historyResponseSchema,
  type NodeChangeInfo,
  type SnapshotRecordInfo,
  snapshotRecordSchema,
} from './contract/history.js';
export {
  type FilesResponse,
  filesResponseSchema,
  type InputFileReport,
  inputFileReportSchema,
  type OverlayMarks,
  overlayMarksSchema,
} from './contract/files.js';
export {
  COMPACT_GRAPH_FORMAT,
  type CompactGraphResponse,
  CompactGraphError,
  compactGraphResponseSchema,
  decodeGraphResponse,
  encodeGraphResponse,
  parseGraphResponse,
} from './contract/compact-graph.js';
export { type Impact, type ImpactEntry, impactSchema } from './contract/impact.js';
export { type MeResponse, meResponseSchema } from './contract/me.js';
export {
  type CycleFocusAnswer,
  cycleFocusSchema,
  type FocusAnswer,
  focusSchema,
  type PathsAnswer,
  pathsSchema,
  type ScopeAnswer,
  type ScopeEdgeAnswer,
  type ScopeNodeAnswer,
} from './contract/scope.js';
export { type AnalysisReport, analysisReportSchema, type ImportSummary, importSummarySchema } from './contract/import-summary.js';
export { type ClientMetrics, clientMetricsSchema, type EndpointMetrics } from './contract/metrics.js';
export {
  CRAWL_PHASES,
  type CrawlOutcome,
  type CrawlPhase,
  type CrawlProgress,
  crawlProgressSchema,
  type FetchErrorSummary,
  fetchErrorSummarySchema,
} from './contract/progress.js';

// Analysis.
export { analyze, type CheckOptions, checkFailures, hasBlockingProblems } from './analysis/analyze.js';
export { AnalysisContext } from './analysis/context.js';
export { UnknownNodeError } from './analysis/errors/unknown-node.js';
export { type ImpactOptions, impact } from './analysis/impact.js';
export { flowStepGraph } from './analysis/org-projection.js';
export type { AnalyzeOptions } from './analysis/result.js';

// Scoped diagrams: one node's neighbourhood, one cycle, the paths between two nodes.
export {
  type CycleCut,
  type CycleFocus,
  type CycleFocusOptions,
  cycleFocus,
  cycleOf,
  DEFAULT_PATH_LIMIT,
  type Focus,
  type FocusDirection,
  type FocusOptions,
  type FoundPath,
  findPaths,
  focus,
  type KindTypeCount,
  nodeSlug,
  type PathHop,
  type PathOptions,
  type Paths,
  READABLE_NODE_LIMIT,
  type ScopeDiagram,
  type ScopeEdge,
  type ScopeGroupInfo,
  type ScopeGrouping,
  type ScopeKind,
  type ScopeLevel,
  type ScopeNode,
  type ScopeSide,
  scopeFileName,
  type ScopeLayoutOptions,
  scopeLayout,
  slugOf,
} from './scoping/index.js';

// The API's questions about one loaded graph, shared by the server and the page's opened files.
export { analysisKey, OrgQueries, stepLoopFocus, stepsResponse } from './scoping/org-queries.js';

// Change review: what changed between two graphs, baselines and the CI reporters.
export { type DiffOptions, type DiffSide, diffGraphs } from './diff/diff-graphs.js';
export type { ChangedNode, DiffEdge, DiffNodeInfo, GraphDiff, NodeChange, NodeSetDiff } from './diff/types.js';
export {
  BASELINE_FORMAT,
  type Baseline,
  type BaselineComparison,
  BaselineSchema,
  compareWithBaseline,
  createBaseline,
  hasNewBlockingProblems,
  serializeBaseline,
} from './baseline/index.js';
export {
  checkMarkdown,
  checkProblems,
  describeChanges,
  diffMarkdown,
  diffProblems,
  type ProblemReport,
  toGithubAnnotations,
  toJunit,
  toSarif,
} from './reporters/index.js';

// Review documents.
export { REPORT_CYCLE_DIAGRAM_LIMIT, type ReportInput, reportHtml, reportMarkdown } from './review/index.js';

// Exporters.
export { MERMAID_LIMITS, type MermaidSize, mermaidSize } from './exporters/mermaid-size.js';
export { EXPORT_FILE_TYPES, EXPORT_FORMATS, type ExportFileType, type ExportFormat, WHOLE_GRAPH_FILE_STEM } from './exporters/formats.js';
export { exporters, scopeExporters } from './exporters/registry.js';
export { exportScopeSvg } from './exporters/scope-svg.js';
export { toExportGraph } from './exporters/json.js';

// Layout.
export {
  type FlowchartGraph,
  type FlowchartOptions,
  flowchartLayout,
  mergedRole,
  mergeParallelTransitions,
  type TransitionRole,
  transitionRole,
  withoutErrorPaths,
} from './layout/flowchart.js';
export { layeredLayout } from './layout/layered-layout.js';
export { DEFAULT_LAYOUT_OPTIONS, type LayoutGraph } from './layout/types.js';

// Utilities.
export { compareStrings } from './util/compare.js';

// Model.
export { ENTRY_FLOW_TYPES, FLOW_TYPE_TO_DEPENDENCY_TYPE, FLOW_TYPES, type FlowType } from './model/flow-types.js';
export type { FlowGraph, FlowNode, GraphEdge, GraphNode, NodeKind, ResourceNode, StepNode } from './model/graph.js';
export { nodeCount, nodeLookup, objectNodes } from './model/columnar-graph.js';
export { formatIssue } from './model/issues.js';

// Importers, linking and the pipeline that runs them.
export {
  type ImportUnit,
  type InputFile,
  FileReadError,
  type FileReader,
  importArchitectConfiguration,
  inputFileFromBytes,
  inputFileFromReader,
  type ParsedSubstitutions,
  parseSubstitutions,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotFetchError,
  SnapshotSchema,
  type TerraformFile,
} from './importers/index.js';
export { link } from './linking/link.js';
export { type LoadedGraph, loadGraph } from './pipeline/load-graph.js';
export {
  type InputFileVersion,
  InputSet,
  type InputSetChange,
  type InputSetLoad,
  type StaleInputFlow,
  substitutionFileReports,
} from './pipeline/input-set.js';
export { type HclParser, isFlowFileName, isSkippedEntry, isTerraformFileName, readTerraformFile } from './pipeline/input-names.js';
export { graphFromExport, type Overlay, overlayFiles } from './pipeline/overlay.js';

// Genesys Platform API shapes, shared by the client and the simulator.
export {
  AuthzDivisionSchema,
  CodeTokenResponseSchema,
  ConsumedResourcesListingSchema,
  DependencyObjectListingSchema,
  DependencyObjectSchema,
  DependencySchema,
  DivisionsPermittedListingSchema,
  ErrorBodySchema,
  entityListingSchema,
  FlowEntityListingSchema,
  FlowSchema,
  FlowVersionSchema,
  type GenesysDependency,
  type GenesysFlow,
  type GenesysFlowVersion,
  OAuthErrorSchema,
  TokenResponseSchema,
  UserMeSchema,
} from './genesys-api/schemas.js';
