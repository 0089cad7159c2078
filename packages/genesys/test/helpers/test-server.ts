import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** An Express app on 127.0.0.1, ephemeral port (ky's create-http-test-server pattern). */
export async function startTestServer(configure: (app: Express) => void): Promise<TestServer> {
  const app = express();
  configure(app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Spins the event loop (setImmediate is never faked) until `condition` holds. */
export async function until(condition: () => boolean, maxTurns = 20_000): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('until: condition never became true');
}
