export { dependencyReference } from './dependency-reference.js';
export { parseSnapshot, SNAPSHOT_IMPORT_FORMAT, snapshotImporter } from './importer.js';
export * from './schema.js';
export { viaOfDependencyType } from './via.js';
