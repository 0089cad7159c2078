import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp } from './app.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StartOptions extends Omit<AppOptions, 'shutdown'> {
  port?: number;
  host?: string;
  /** Runs after the server stopped listening (team mode closes its workspaces and sessions here). */
  onClose?: () => Promise<void>;
}

/** A request still running this long after close is cut off: shutdown must not hang on it. */
const CLOSE_GRACE_MS = 2_000;

/**
 * How long an idle keep-alive connection stays open. Node's default is 5 s: a client that reuses
 * a pooled connection just as the server closes it gets ECONNRESET (Playwright's request context
 * did, between two exports of a review diagram). Browsers and proxies keep connections for about
 * a minute, so the server outlasts them and is the one that never closes first.
 */
export const KEEP_ALIVE_MS = 75_000;

/** Listens with the app of `createApp`; `close` ends progress streams, stops listening, then closes the source. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const shutdown = new AbortController();
  const app = createApp({ ...options, shutdown: shutdown.signal });
  const server = app.listen(options.port ?? 0, host);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed keepAliveTimeout, or Node ends a kept-alive socket while a request's headers arrive.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    async close() {
      shutdown.abort();
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await closed;
      } finally {
        clearTimeout(force);
      }
      await options.source?.close();
      await options.onClose?.();
    },
  };
}
