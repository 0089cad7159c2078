import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkUnauthenticated } from './auth/exposure.js';
import { isLoopback } from './http/loopback.js';
import type { Log } from './logger.js';
import { FileSource } from './org/file-source.js';
import { type RunningServer, startServer } from './server.js';

export interface ServeFilesOptions {
  inputs: readonly string[];
  cwd: string;
  substitutions?: readonly string[];
  set?: Readonly<Record<string, string>>;
  watch?: boolean;
  /** Quiet time before a burst of changes is re-read (default 150 ms). */
  quietMs?: number;
  port?: number;
  /** Default 127.0.0.1: the files stay on this machine unless asked otherwise. */
  host?: string;
  /** The SPA build; default apps/web/dist beside this package. */
  webDist?: string;
  log: Log;
  /** Listen beyond loopback without sign-in (FLOWGRAPH_ALLOW_UNAUTHENTICATED=1); refused otherwise. */
  allowUnauthenticated?: boolean;
}

export interface ServedFiles extends RunningServer {
  source: FileSource;
}

const defaultWebDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/**
 * `flowgraph serve <inputs>` / `npm start -- <inputs>`: the same server, API and SPA as demo and
 * live mode, over files and folders, re-read as they change. Resolves once the first read is
 * served; an input path that does not exist rejects (an InputError naming it).
 */
export async function serveFiles(options: ServeFilesOptions): Promise<ServedFiles> {
  const exposure = checkUnauthenticated(options.host ?? '127.0.0.1', options.allowUnauthenticated ?? false, {
    exposed: 'these files',
    canSignIn: false,
  });
  if (exposure) options.log(`flowgraph: WARNING ${exposure}`);
  const source = new FileSource({
    inputs: options.inputs,
    cwd: options.cwd,
    ...(options.substitutions ? { substitutions: options.substitutions } : {}),
    ...(options.set ? { overrides: options.set } : {}),
    watch: options.watch ?? true,
    ...(options.quietMs !== undefined ? { quietMs: options.quietMs } : {}),
    log: options.log,
  });
  await source.start();
  const host = options.host ?? '127.0.0.1';
  const server = await startServer({
    source,
    port: options.port ?? 8080,
    host,
    webDist: options.webDist ?? defaultWebDist,
    // A refresh re-reads local files: no API budget to spare.
    refreshIntervalMs: 1000,
    log: options.log,
    loopbackOnly: isLoopback(host),
  });
  return { ...server, source };
}

/**
 * Opens the page in the desktop's browser. Without a desktop (a server, a container, SSH without
 * a display) nothing is started and the caller prints the URL instead. Returns whether it tried.
 */
export function openInBrowser(url: string, log: Log, env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  let command: [string, string[]] | undefined;
  if (platform === 'darwin') command = ['open', [url]];
  else if (platform === 'win32') command = ['cmd', ['/c', 'start', '""', url]];
  else if (env.DISPLAY || env.WAYLAND_DISPLAY) command = ['xdg-open', [url]];
  if (command === undefined) {
    log(`flowgraph: no desktop found (no DISPLAY or WAYLAND_DISPLAY): open ${url} in a browser`);
    return false;
  }
  const child = spawn(command[0], command[1], { detached: true, stdio: 'ignore', env });
  child.on('error', (error) => log(`flowgraph: could not open a browser (${error.message}): open ${url} yourself`));
  child.unref();
  return true;
}
