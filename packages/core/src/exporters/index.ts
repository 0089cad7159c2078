export { exportDot, quoteDot } from './dot.js';
export { type ExportEdge, type ExportGraph, type ExportNode, exportJson, toExportGraph } from './json.js';
export { exportMermaid, quoteMermaid } from './mermaid.js';
export { type PreparedCluster, type PreparedEdge, type PreparedGraph, type PreparedNode, prepareGraph } from './prepare.js';
export { EXPORT_FORMATS, type ExportFormat, type Exporter, exportGraph, exporters, isExportFormat } from './registry.js';
export { THEME } from './theme.js';
