/**
 * @flowgraph/core: the analysis core, pure TypeScript, runs in Node and in the browser.
 * Pipeline: importers -> linking (one graph) -> analysis (one result model) -> exporters.
 */
export * from './analysis/index.js';
export * from './exporters/index.js';
export * from './genesys-api/index.js';
export * from './importers/index.js';
export * from './layout/index.js';
export * from './linking/index.js';
export * from './model/index.js';
export * from './pipeline/index.js';
export * from './review/index.js';
export * from './scoping/index.js';
export * from './diff/index.js';
export * from './baseline/index.js';
export * from './reporters/index.js';
