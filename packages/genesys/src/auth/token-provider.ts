import { OAuthErrorSchema, TokenResponseSchema } from '@flowgraph/core';
import type { KyInstance } from 'ky';
import { AuthenticationError } from '../errors/authentication-error.js';
import { GenesysHttpError } from '../errors/genesys-http-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { parseRetryAfter } from '../http/headers.js';
import { failedResponseDetails } from '../http/read-body.js';
import { type AttemptOutcome, withRetries } from '../http/with-retries.js';
import type { LatencyMonitor } from '../monitor/latency-monitor.js';
import type { RetryPolicy } from '../retry-policy.js';
import { abortable } from '../utils/abortable.js';
import type { Clock } from '../utils/clock.js';
import type { Random } from '../utils/jitter.js';
import type { Secret } from '../utils/secret.js';

/** Refresh this long before `expires_in` runs out, so no request leaves with a dying token. */
const TOKEN_REFRESH_MARGIN_MS = 60_000;

export interface TokenProviderOptions {
  loginBaseUrl: string;
  clientId: string;
  clientSecret: Secret;
  /** A ky instance without retries or hooks (the retry loop here owns them). */
  http: KyInstance;
  clock: Clock;
  policy: RetryPolicy;
  random?: Random;
  monitor: LatencyMonitor;
}

const TOKEN_PATH = '/oauth/token';

/**
 * OAuth client-credentials tokens (`POST login.<domain>/oauth/token`, Basic auth). One token is
 * cached per client: Genesys' 300 req/min limit is per token, so minting more buys nothing.
 * Concurrent callers share one refresh.
 */
export class TokenProvider {
  readonly #options: TokenProviderOptions;
  #current: { token: string; refreshAt: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(options: TokenProviderOptions) {
    this.#options = options;
  }

  getToken(signal?: AbortSignal): Promise<string> {
    const current = this.#current;
    if (current && this.#options.clock.now() < current.refreshAt) return Promise.resolve(current.token);
    // The shared refresh is not tied to one caller's signal: another caller may still want it.
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = undefined;
    });
    return abortable(this.#pending, signal);
  }

  /** Drops `token` after the API refused it; a no-op if another caller already replaced it. */
  invalidate(token: string): void {
    if (this.#current?.token === token) this.#current = undefined;
  }

  async #fetchToken(): Promise<string> {
    const { clock, policy, random, monitor } = this.#options;
    const token = await withRetries((attempt, waitedMs) => this.#attempt(attempt, waitedMs), {
      policy,
      clock,
      random,
      rateLimitWaits: monitor.rateLimitWaits,
    });
    monitor.recordTokenRefresh();
    return token;
  }

  async #attempt(attempt: number, rateLimitWaitMs: number): Promise<AttemptOutcome<string>> {
    const { http, clock, monitor, loginBaseUrl, clientId, clientSecret, policy } = this.#options;
    const startedAt = clock.now();
    const record = (status: number | undefined, failed: boolean) =>
      monitor.record({ method: 'POST', path: TOKEN_PATH, status, attempt, ms: clock.now() - startedAt, rateLimitWaitMs, failed });
    let response: Response;
    try {
      response = await http.post(`${loginBaseUrl}${TOKEN_PATH}`, {
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret.reveal()}`).toString('base64')}` },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
        timeout: policy.requestTimeoutMs,
      });
    } catch (error) {
      record(undefined, true);
      return { kind: 'transient', error: new GenesysHttpError({ method: 'POST', path: TOKEN_PATH, attempts: attempt }, { cause: error }) };
    }
    record(response.status, !response.ok);
    if (response.ok) return this.#accept(response, attempt);
    const details = await failedResponseDetails(response, { method: 'POST', path: TOKEN_PATH, attempts: attempt });
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
      return { kind: 'rate-limited', retryAfterMs, error: new GenesysHttpError(details) };
    }
    if (policy.retryStatusCodes.includes(response.status)) {
      return { kind: 'transient', error: new GenesysHttpError(details) };
    }
    const oauth = OAuthErrorSchema.safeParse(details.body);
    throw new AuthenticationError({
      status: response.status,
      error: oauth.success ? oauth.data.error : undefined,
      errorDescription: oauth.success ? (oauth.data.error_description ?? oauth.data.description) : undefined,
    });
  }

  async #accept(response: Response, attempt: number): Promise<AttemptOutcome<string>> {
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      // Not the parser's message: V8 quotes the body, and this body holds a token.
      return { kind: 'transient', error: shapeError(attempt, ['body is not valid JSON']) };
    }
    const parsed = TokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      return {
        kind: 'transient',
        error: shapeError(
          attempt,
          parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        ),
      };
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    // Short-lived tokens (tests, simulator) would never be reusable with a fixed 60 s margin.
    const margin = Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.#current = { token: parsed.data.access_token, refreshAt: this.#options.clock.now() + lifetimeMs - margin };
    return { kind: 'done', value: parsed.data.access_token };
  }
}

function shapeError(attempt: number, issues: string[]): ResponseShapeError {
  return new ResponseShapeError({ method: 'POST', path: TOKEN_PATH, attempts: attempt, issues });
}
