/** @flowgraph/server as a library: `flowgraph serve` starts it over files. */
export { type ServeFlags, SERVER_USAGE, serveFlags } from './args.js';
export { FileSource, type FileSourceOptions, type Reload } from './org/file-source.js';
export { allowsUnauthenticated } from './auth/exposure.js';
export { isLoopback } from './http/loopback.js';
export { openInBrowser, type ServedFiles, type ServeFilesOptions, serveFiles } from './serve-files.js';
export type { RunningServer } from './server.js';
