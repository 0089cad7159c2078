export { type ArchitectExportResult, architectExportImporter, importArchitectExport } from './importer.js';
export { decodeArchitectExport } from './decode.js';
