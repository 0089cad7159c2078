export * from './flow-types.js';
export * from './graph.js';
export * from './issues.js';
export * from './reference.js';
export * from './resource-types.js';
