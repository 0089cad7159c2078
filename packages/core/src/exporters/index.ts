export { exportDot, quoteDot } from './dot.js';
export { type ExportEdge, type ExportGraph, type ExportNode, exportJson, toExportGraph } from './json.js';
export { exportMermaid, quoteMermaid } from './mermaid.js';
export { MERMAID_LIMITS, type MermaidSize, mermaidSize } from './mermaid-size.js';
export { type PreparedCluster, type PreparedEdge, type PreparedGraph, type PreparedNode, prepareGraph } from './prepare.js';
export {
  EXPORT_FILE_TYPES,
  EXPORT_FORMATS,
  type ExportFormat,
  type Exporter,
  exportGraph,
  exporters,
  isExportFormat,
  type ScopeExporter,
  scopeExporters,
  WHOLE_GRAPH_FILE_STEM,
} from './registry.js';
export { exportScopeDot } from './scope-dot.js';
export { exportScopeJson } from './scope-json.js';
export { exportScopeMermaid } from './scope-mermaid.js';
export { escapeXml, exportScopeSvg } from './scope-svg.js';
export { THEME } from './theme.js';
