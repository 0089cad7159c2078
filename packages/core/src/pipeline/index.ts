export { formatImportSummary } from './format-summary.js';
export { type LoadedGraph, type LoadSettings, loadGraph } from './load-graph.js';
export { buildImportSummary, type ImportSummary } from './summary.js';
