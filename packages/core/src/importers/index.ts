export type { ImportContext, Importer, ImportUnit, InputFile } from './importer.js';
export { FileReadError, type FileReader, inputFileFromBytes, inputFileFromReader } from './file-bytes.js';
export { importFile, importFiles, IMPORTERS, type ImportSettings } from './registry.js';
export * from './snapshot/index.js';
export * from './tutorial/index.js';
export * from './archy-yaml/index.js';
export * from './architect-export/index.js';
export * from './architect-flow/index.js';
export * from './templates/index.js';
