export type { ImportContext, Importer, ImportUnit, InputFile } from './importer.js';
export * from './snapshot/schema.js';
