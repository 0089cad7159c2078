import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { FakeSource } from './fake-source.js';

interface RawRequest {
  method?: string;
  /** Sent as is, byte for byte (latin1): no client library normalises or refuses it first. */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

interface RawResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** One request over a fresh socket, so a malformed one cannot upset the next. */
function send(port: number, request: RawRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, connection: 'close', ...request.headers };
  if (request.body !== undefined) headers['content-length'] ??= String(request.body.length);
  const head = `${request.method ?? 'GET'} ${request.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${request.method ?? 'GET'} ${request.target}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!match) {
        reject(new Error(`not an HTTP answer to ${request.method ?? 'GET'} ${JSON.stringify(request.target)}: ${text.slice(0, 80)}`));
        return;
      }
      const [headText = '', body = ''] = text.split('\r\n\r\n', 2);
      const contentType = /^content-type: (.*)$/im.exec(headText)?.[1]?.trim();
      resolve({ status: Number(match[1]), contentType, body });
    });
    socket.write(Buffer.from(head, 'latin1'));
    if (request.body !== undefined) socket.write(request.body);
    // No end(): a half-closed socket may be dropped before the answer; `connection: close` ends it.
  });
}

/** Every client error Express answers has the API's shape; Node's own parser errors have no body. */
function expectClientAnswer(request: RawRequest, response: RawResponse): void {
  const label = `${request.method ?? 'GET'} ${JSON.stringify(request.target)} ${JSON.stringify(request.headers ?? {})}`;
  expect(response.status, label).toBeLessThan(500);
  if (response.status >= 400 && response.contentType?.includes('json') && request.method !== 'HEAD') {
    const body = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, label).toBe('string');
    expect(typeof body.error?.message, label).toBe('string');
  }
}

describe('[I] malformed requests are client errors, never 5xx', () => {
  let server: RunningServer;
  let dist: string;
  const logged: string[] = [];

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'flowgraph-fuzz-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Flowgraph</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
    const source = new FakeSource();
    source.completeCrawl();
    // A long refresh interval: the fuzzed POSTs must not start crawls that change what is served.
    server = await startServer({ source, webDist: dist, log: (line) => logged.push(line), refreshIntervalMs: 3_600_000 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers the requests of the fault report with 4xx in the error shape', async () => {
    const cases: Array<[RawRequest, number]> = [
      [{ target: '/api/flows/%ff/steps' }, 400],
      [{ target: '/assets/nope.js' }, 404],
      [{ target: '/assets/' }, 404],
      [{ target: '/assets/%ff' }, 400],
      [
        {
          method: 'POST',
          target: '/api/refresh',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: Buffer.from('this is not gzip'),
        },
        400,
      ],
      [
        {
          method: 'POST',
          target: '/api/refresh',
          headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
          body: Buffer.from('{}'),
        },
        415,
      ],
    ];
    for (const [request, status] of cases) {
      const response = await send(server.port, request);
      expect(response.status, request.target).toBe(status);
      expect(response.contentType, request.target).toMatch(/json/);
      expectClientAnswer(request, response);
    }
    expect(logged.filter((line) => line.includes('failed:'))).toEqual([]);
  });

  it('answers bad escapes, methods, encodings and headers with no 5xx', async () => {
    const escapes = ['%', '%f', '%zz', '%ff', '%c0%af', '%00', '%2e%2e%2f', '%%', '%u0041', '%E2%82', '%ED%A0%80'];
    const targets = escapes.flatMap((bad) => [
      `/api/flows/${bad}/steps`,
      `/api/impact?node=${bad}`,
      `/api/graph?strict=${bad}`,
      `/api/export?format=${bad}&scope=org`,
      `/assets/${bad}`,
      `/${bad}`,
      `/api/${bad}`,
    ]);
    const requests: RawRequest[] = [
      ...targets.map((target) => ({ target })),
      ...targets.map((target) => ({ target, headers: { accept: 'text/html' } })),
      ...['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'BREW'].flatMap((method) =>
        ['/api/graph', '/api/refresh', '/api/progress?x=1', '/assets/index-abc123.js', '/', '/api/flows/main/steps'].map((target) => ({
          method,
          target,
        })),
      ),
      ...[
        ['gzip', gzipSync('{"a":1}').subarray(0, 8)],
        ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff])],
        ['deflate', Buffer.from('plain')],
        ['deflate', deflateSync('[1,2').subarray(2)],
        ['br', Buffer.from([0xff, 0xfe, 0xfd])],
        ['zstd', Buffer.from('zz')],
        ['gzip, gzip', gzipSync(gzipSync('{}'))],
        ['identity', Buffer.from('{not json')],
        ['x-unknown', Buffer.from('{}')],
        ['', Buffer.from('{}')],
      ].map(([encoding, body]) => ({
        method: 'POST',
        target: '/api/refresh',
        headers: { 'content-type': 'application/json', 'content-encoding': String(encoding) },
        body: body as Buffer,
      })),
      ...[
        { 'content-type': 'application/json; charset=utf-7' },
        { 'content-type': 'application/json; charset=nonsense' },
        { 'content-type': 'text/plain' },
        { 'content-type': '' },
        { 'content-type': 'application/json', 'content-length': '5' },
        { origin: 'null' },
        { origin: 'not a url' },
        { origin: 'https://127.0.0.1' },
        { 'sec-fetch-site': 'cross-site' },
      ].map((headers) => ({ method: 'POST', target: '/api/refresh', headers, body: Buffer.from('{"x":1}') })),
      ...[
        { range: 'bytes=999999-' },
        { range: 'bytes=abc' },
        { 'if-none-match': '"\u00ff"' },
        { 'if-modified-since': 'yesterday' },
        { accept: '\u00e9/\u00e9' },
        { 'accept-encoding': 'br;q=nan' },
        { host: 'evil.example' },
        { host: '' },
        { 'x-forwarded-proto': 'https' },
      ].flatMap((headers) => ['/assets/index-abc123.js', '/', '/api/graph'].map((target) => ({ target, headers }))),
      { target: `/api/graph?${'a=1&'.repeat(2000)}` },
      { target: `/${'a'.repeat(7000)}` },
      { target: '/api/graph?strict=true&strict=false' },
      { target: '/api/impact?node[]=a' },
      { target: '*' },
      { target: 'http://evil.example/api/graph' },
      { target: '/../../etc/passwd' },
      { target: '/assets/../index.html' },
      { target: '/assets/..%2f..%2fpackage.json' },
    ];
    for (const request of requests) expectClientAnswer(request, await send(server.port, request));
  });

  it('answers 1,000 random paths with no 5xx', async () => {
    const piece = fc.oneof(
      fc.constantFrom('/', '//', '.', '..', '%', '%2f', '%5c', '%ff', '%00', '?', '&', '=', '#', ';', '\\', '~', '+', "'", '"', '<', '>'),
      fc.constantFrom('api', 'assets', 'flows', 'steps', 'graph', 'impact', 'export', 'progress', 'index.html', 'main', 'node', 'format'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 3 }).map((text) => encodeURIComponent(text)),
      fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
    );
    const prefix = fc.constantFrom('/', '/api/', '/api/flows/', '/assets/', '/api/impact?node=', '/api/graph?');
    const paths = fc.sample(
      fc.tuple(prefix, fc.array(piece, { maxLength: 12 })).map(([start, pieces]) => start + pieces.join('')),
      { numRuns: 1000, seed: 10 },
    );
    expect(paths).toHaveLength(1000);
    for (const target of paths) {
      const request = { target, headers: { accept: target.length % 2 === 0 ? 'text/html' : '*/*' } };
      expectClientAnswer(request, await send(server.port, request));
    }
    // Still serving afterwards.
    expect((await send(server.port, { target: '/api/health' })).status).toBe(200);
    expect(logged.filter((line) => line.includes('failed:'))).toEqual([]);
  });
});
