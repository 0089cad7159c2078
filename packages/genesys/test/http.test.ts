import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  AuthenticationError,
  createGenesysClient,
  GenesysHttpError,
  type GenesysClientOptions,
  GenesysUnreachableError,
  PermissionError,
  ResponseShapeError,
} from '../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, type FakeGenesys, type FakeOptions, startFakeGenesys } from './helpers/fake-genesys.js';
import { until } from './helpers/test-server.js';
import { VirtualClock } from './helpers/virtual-clock.js';

const Thing = z.looseObject({ ok: z.boolean() });
const THING = { path: '/api/v2/thing' };
let server: FakeGenesys | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function setup(api: FakeOptions['api'], options: Partial<GenesysClientOptions> & { expiresIn?: number } = {}) {
  server = await startFakeGenesys({ api, expiresIn: options.expiresIn });
  const client = createGenesysClient({ baseUrl: server.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, cache: false, ...options });
  return { server, client };
}

describe('[I] retries against a local server', () => {
  it('waits the full Retry-After of a 429 (60 s, under fake timers) before the one retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let calls = 0;
    const { server, client } = await setup((app) =>
      app.get('/api/v2/thing', (_req, res) => {
        calls++;
        if (calls === 1) res.status(429).set('retry-after', '60').json({ code: 'too.many.requests.retry.after', status: 429 });
        else res.json({ ok: true });
      }),
    );
    const result = client.get(THING, Thing);
    await until(() => client.monitor.records().some((record) => record.status === 429) && vi.getTimerCount() > 0);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(server.count('GET /api/v2/thing')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await expect(result).resolves.toEqual({ ok: true });
    expect(server.count('GET /api/v2/thing')).toBe(2);
    expect(client.metrics().totals).toMatchObject({
      requests: 3,
      rateLimited: 1,
      retries: 1,
      rateLimitWaitMs: 60_000,
      rateLimitWaitSummedMs: 60_000,
    });
  });

  it('retries a 5xx 3 times with growing full-jitter backoff, then fails with status, body and correlation id', async () => {
    const clock = new VirtualClock();
    const { server, client } = await setup(
      (app) =>
        app.get('/api/v2/thing', (_req, res) => {
          res.status(503).set('inin-correlation-id', 'corr-42').json({ message: 'Service down for maintenance', status: 503 });
        }),
      { clock, random: () => 0.999 },
    );
    const error = await client.get(THING, Thing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GenesysHttpError);
    expect(error).toMatchObject({ status: 503, method: 'GET', path: '/api/v2/thing', attempts: 4, correlationId: 'corr-42' });
    expect((error as GenesysHttpError).body).toMatchObject({ message: 'Service down for maintenance' });
    expect((error as Error).message).toMatch(/GET \/api\/v2\/thing failed with status 503.*after 4 attempts: Service down.*corr-42/);
    expect((error as Error).message).not.toContain('token-1');
    expect(server.count('GET /api/v2/thing')).toBe(4);
    expect(clock.sleeps).toEqual([499, 999, 1998]);
  });

  it('retries malformed JSON like a 5xx, then raises ResponseShapeError', async () => {
    const clock = new VirtualClock();
    let calls = 0;
    const { client } = await setup(
      (app) =>
        app.get('/api/v2/thing', (_req, res) => {
          calls++;
          res.type('json').send(calls === 1 ? '{"ok": tr' : '{"ok": true}');
        }),
      { clock },
    );
    await expect(client.get(THING, Thing)).resolves.toEqual({ ok: true });

    const broken = await setup((app) => app.get('/api/v2/thing', (_req, res) => res.type('json').send('{"entities": [')), { clock });
    await expect(broken.client.get(THING, Thing)).rejects.toThrow(ResponseShapeError);
    expect(broken.server.count('GET /api/v2/thing')).toBe(4);
  });

  it('retries network errors, then reports no response', async () => {
    const clock = new VirtualClock();
    const { server, client } = await setup((app) => app.get('/api/v2/thing', (req) => req.socket.destroy()), { clock });
    const error = await client.get(THING, Thing).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: undefined, attempts: 4 });
    // fetch's own "fetch failed" is replaced by its cause, which says what happened.
    expect((error as Error).message).toMatch(/failed with no response \((?!fetch failed)/);
    expect(server.count('GET /api/v2/thing')).toBe(4);
  });

  it('stops sending after 5 network errors in a row, refuses the rest at once, and probes again after the cooldown', async () => {
    const clock = new VirtualClock();
    let down = true;
    const { server, client } = await setup(
      (app) =>
        app.get('/api/v2/thing', (req, res) => {
          if (down) req.socket.destroy();
          else res.json({ ok: true });
        }),
      { clock },
    );
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => client.get(THING, Thing).catch((caught: unknown) => caught)));
    expect(outcomes.every((outcome) => outcome instanceof GenesysHttpError)).toBe(true);
    const refused = outcomes.filter((outcome) => outcome instanceof GenesysUnreachableError);
    // Without the breaker: 40 requests x 4 attempts reach the dead host, paced by backoff.
    // With it: the 5 that open it and at most the 8 already in flight.
    expect(server.count('GET /api/v2/thing')).toBeLessThanOrEqual(5 + 8);
    expect(refused.length).toBeGreaterThanOrEqual(40 - 13);
    expect((refused[0] as Error).message).toMatch(
      /GET \/api\/v2\/thing not sent: Genesys Cloud is unreachable \(\d+ network errors in a row, the last: .+\); requests resume in 10 s/,
    );
    // Refused requests did not wait for the rate limiter or a backoff.
    expect(clock.sleeps.length).toBeLessThanOrEqual(13 * 3);

    // Still within the cooldown: refused without a request, even though the host is back.
    down = false;
    const before = server.count('GET /api/v2/thing');
    await expect(client.get(THING, Thing)).rejects.toThrow(GenesysUnreachableError);
    expect(server.count('GET /api/v2/thing')).toBe(before);
    // After it, one probe goes through, succeeds and closes the breaker.
    clock.time += 10_000;
    await expect(client.get(THING, Thing)).resolves.toEqual({ ok: true });
    await expect(Promise.all([client.get(THING, Thing), client.get(THING, Thing)])).resolves.toHaveLength(2);
  });

  it('reopens the breaker when the probe fails too', async () => {
    const clock = new VirtualClock();
    const { server, client } = await setup((app) => app.get('/api/v2/thing', (req) => req.socket.destroy()), { clock });
    await Promise.all(Array.from({ length: 10 }, () => client.get(THING, Thing).catch(() => undefined)));
    const sent = server.count('GET /api/v2/thing');
    clock.time += 10_000;
    // The probe is sent (one request, no retries through an open breaker), fails and reopens it.
    await expect(client.get(THING, Thing)).rejects.toThrow(GenesysUnreachableError);
    expect(server.count('GET /api/v2/thing')).toBe(sent + 1);
    await expect(client.get(THING, Thing)).rejects.toThrow(GenesysUnreachableError);
    expect(server.count('GET /api/v2/thing')).toBe(sent + 1);
  });

  it('does not retry other 4xx', async () => {
    const { server, client } = await setup((app) =>
      app.get('/api/v2/thing', (_req, res) => res.status(404).json({ message: 'flow not found' })),
    );
    await expect(client.get(THING, Thing)).rejects.toMatchObject({ status: 404, attempts: 1 });
    expect(server.count('GET /api/v2/thing')).toBe(1);
  });

  it('does not storm: concurrent requests pause together on a 429 and follow inin-ratelimit headers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let served = 0;
    let refused = 0;
    let windowEndsAt = 0;
    const { server, client } = await setup((app) =>
      app.get('/api/v2/thing', (_req, res) => {
        if (Date.now() >= windowEndsAt) {
          windowEndsAt = Date.now() + 60_000;
          served = 0;
        }
        const reset = String(Math.ceil((windowEndsAt - Date.now()) / 1000));
        if (served >= 5) {
          refused++;
          res.status(429).set('retry-after', reset).json({ status: 429 });
          return;
        }
        served++;
        res
          .set({ 'inin-ratelimit-allowed': '5', 'inin-ratelimit-count': String(served), 'inin-ratelimit-reset': reset })
          .json({ ok: true });
      }),
    );
    const apiRequests = () => server.count('GET /api/v2/thing');
    // Quiet: every request the server saw has been answered and recorded, and nothing new leaves.
    const quiet = async () => {
      for (let round = 0; round < 100; round++) {
        await until(() => client.monitor.records().filter((r) => r.path === '/api/v2/thing').length === apiRequests());
        const seen = apiRequests();
        for (let turn = 0; turn < 200; turn++) await new Promise((resolve) => setImmediate(resolve));
        if (apiRequests() === seen) return;
      }
      throw new Error('never quiet');
    };
    let done = 0;
    const all = Promise.all(Array.from({ length: 20 }, () => client.get(THING, Thing).then(() => done++)));
    await until(() => refused > 0);
    await quiet();
    // At most the 8 already in flight reached the server; the other 12 wait for the window.
    expect(apiRequests()).toBeLessThanOrEqual(8);
    for (let window = 0; window < 5 && done < 20; window++) {
      await vi.advanceTimersByTimeAsync(61_000);
      await quiet();
    }
    vi.useRealTimers();
    await all;
    expect(done).toBe(20);
    expect(refused).toBeLessThanOrEqual(8);
    expect(apiRequests()).toBeLessThanOrEqual(20 + 8);
  });
});

describe('[I] OAuth token handling', () => {
  it('sends Basic auth, caches the token and shares one refresh among concurrent callers', async () => {
    const { server, client } = await setup((app, { validToken }) =>
      app.get('/api/v2/thing', (req, res) => (validToken(req) ? res.json({ ok: true }) : res.sendStatus(401))),
    );
    await Promise.all(Array.from({ length: 10 }, () => client.get(THING, Thing)));
    await client.get(THING, Thing);
    expect(server.count('POST /oauth/token')).toBe(1);
    expect(server.count('GET /api/v2/thing')).toBe(11);
  });

  it('refreshes 60 s before expires_in runs out', async () => {
    const clock = new VirtualClock();
    const { server, client } = await setup((app) => app.get('/api/v2/thing', (_req, res) => res.json({ ok: true })), {
      clock,
      expiresIn: 3600,
    });
    await client.get(THING, Thing);
    clock.time += 3_539_000;
    await client.get(THING, Thing);
    expect(server.count('POST /oauth/token')).toBe(1);
    clock.time += 2_000;
    await client.get(THING, Thing);
    expect(server.count('POST /oauth/token')).toBe(2);
  });

  it('answers a 401 with one refresh and one retry', async () => {
    let revoked = true;
    const { server, client } = await setup((app) =>
      app.get('/api/v2/thing', (req, res) => {
        if (revoked && req.headers.authorization === 'Bearer token-1') {
          revoked = false;
          res.sendStatus(401);
        } else res.json({ ok: true });
      }),
    );
    await expect(client.get(THING, Thing)).resolves.toEqual({ ok: true });
    expect(server.tokensIssued).toEqual(['token-1', 'token-2']);
    expect(server.count('GET /api/v2/thing')).toBe(2);
    expect(client.metrics().totals.tokenRefreshes).toBe(2);
  });

  it('gives up with AuthenticationError when even a fresh token is refused, without a loop', async () => {
    const { server, client } = await setup((app) => app.get('/api/v2/thing', (_req, res) => res.sendStatus(401)));
    await expect(client.get(THING, Thing)).rejects.toThrow(AuthenticationError);
    expect(server.count('POST /oauth/token')).toBe(2);
    expect(server.count('GET /api/v2/thing')).toBe(2);
  });

  it('raises PermissionError naming the permissions and the division caveat on 403', async () => {
    const { server, client } = await setup((app) =>
      app.get('/api/v2/thing', (_req, res) =>
        res.status(403).json({ message: 'You are not authorized', code: 'missing.permissions', status: 403 }),
      ),
    );
    const error = await client.get(THING, Thing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermissionError);
    const message = (error as Error).message;
    expect(message).toContain('Architect > Flow > View');
    expect(message).toContain('Architect > Dependency Tracking > View');
    expect(message).toMatch(/divisions/);
    expect(message).toContain('You are not authorized');
    expect(server.count('GET /api/v2/thing')).toBe(1);
  });
});
