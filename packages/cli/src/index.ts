export { commands, executeCli } from './cli.js';
export type { CliIo, OutputStream } from './io.js';
