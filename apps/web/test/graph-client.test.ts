import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync } from 'node:zlib';
import { encodeGraphResponse, type GraphResponse } from '@flowgraph/core';
import ky from 'ky';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGraph } from '../src/api/client.js';

const answer: GraphResponse = {
  source: { kind: 'demo', fetchedAt: '2026-12-01T00:00:00.000Z' },
  graph: {
    nodes: [
      { id: 'main', kind: 'flow', type: 'INBOUNDCALL', name: 'Main IVR', state: 'published', file: 'demo:snapshot' },
      {
        id: 'park',
        kind: 'flow',
        type: 'INBOUNDCALL',
        name: 'Call Park',
        state: 'unpublished',
        files: ['park.yaml', 'park.i3InboundFlow'],
      },
      { id: 'queue', kind: 'resource', type: 'QUEUE', name: 'Sales', state: 'unknown' },
    ],
    edges: [
      { source: 'main', target: 'park', kind: 'uses', via: 'transferToFlow' },
      { source: 'park', target: 'main', kind: 'uses', via: 'transferToFlow', ambiguous: true },
      { source: 'main', target: 'queue', kind: 'uses', via: 'transferToAcd' },
    ],
  },
  analysis: {
    summary: { flows: 2, steps: 0, resources: 1, nodes: 3, edges: 3 },
    cycles: [{ scope: 'org', members: ['main', 'park'], path: ['main', 'park', 'main'], cut: { source: 'park', target: 'main' } }],
    deployment: {
      waves: [['queue'], ['main', 'park']],
      order: ['queue', 'main', 'park'],
      groups: [['main', 'park']],
      blocked: true,
      dynamic: [],
    },
    findings: [
      { code: 'published-uses-unpublished', severity: 'error', subject: 'main', message: 'Main IVR uses Call Park', related: ['park'] },
    ],
    errors: [],
    warnings: [],
  },
  layout: {
    positions: { main: { x: 0, y: 0 }, park: { x: 200, y: 0 }, queue: { x: 0, y: 120 } },
    width: 260,
    height: 160,
    routes: [{ source: 'main', target: 'queue', points: [{ x: 40, y: 60 }] }],
  },
};

describe('[U] the SPA client reads /api/graph', () => {
  const wire = brotliCompressSync(JSON.stringify(encodeGraphResponse(answer)));
  const seen: { acceptEncoding?: string | undefined }[] = [];
  let server: Server;
  let client: typeof ky;

  beforeAll(async () => {
    // The server's answer as it travels: the compact form, brotli-compressed.
    server = createServer((request, response) => {
      seen.push({ acceptEncoding: request.headers['accept-encoding'] });
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'br', etag: 'W/"1"' });
      response.end(wire);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = ky.create({ prefixUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, retry: 0 });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('decodes the compressed compact answer into the GraphResponse the panels read', async () => {
    const decoded = await getGraph(new URLSearchParams({ strict: 'true' }), client);
    expect(decoded).toEqual(answer);
    expect(seen.at(-1)?.acceptEncoding).toMatch(/br|gzip/);
  });

  it('refuses an answer in the old object form, naming what drifted', async () => {
    const old = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve));
    try {
      const oldClient = ky.create({ prefixUrl: `http://127.0.0.1:${(old.address() as AddressInfo).port}/api`, retry: 0 });
      await expect(getGraph(new URLSearchParams(), oldClient)).rejects.toThrow(/Unexpected answer from \/api\/graph: format/);
    } finally {
      await new Promise<void>((resolve) => old.close(() => resolve()));
    }
  });
});
