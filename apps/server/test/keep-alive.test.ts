import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { FakeSource } from './fake-source.js';

/** Sends one GET on the socket and resolves with the status line of its answer. */
function getOn(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // The health answer is small JSON: the whole body is here once it ends with '}'.
      if (received.includes('\r\n\r\n') && received.trimEnd().endsWith('}')) {
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(received.split('\r\n')[0] ?? '');
      }
    };
    const onClose = () => reject(new Error(`connection closed before an answer to ${path}`));
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('[I] keep-alive connections', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ source: new FakeSource() });
  });
  afterAll(async () => {
    await server.close();
  });

  // Node closes idle connections after 5 s by default; a client reusing one then gets ECONNRESET.
  it('answers a second request on a connection idle for longer than Node default 5 s', async () => {
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    try {
      expect(await getOn(socket, '/api/health')).toBe('HTTP/1.1 200 OK');
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await getOn(socket, '/api/health')).toBe('HTTP/1.1 200 OK');
    } finally {
      socket.destroy();
    }
  }, 15_000);
});
