export { type ArchitectExportResult, architectExportImporter, importArchitectExport } from './importer.js';
export { importArchitectConfiguration } from './configuration.js';
export { decodeArchitectExport } from './decode.js';
