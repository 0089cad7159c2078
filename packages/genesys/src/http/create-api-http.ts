import ky, { type KyInstance } from 'ky';
import type { AccessTokenSource } from '../auth/access-token-source.js';

/** The code ky reports on the one retry a refused token earns. */
const TOKEN_REFRESHED = 'TOKEN_REFRESHED';

export interface ApiHttpOptions {
  apiBaseUrl: string;
  tokens: AccessTokenSource;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * The ky instance for `api.<domain>`: a `beforeRequest` hook adds the bearer token and an
 * `afterResponse` hook answers a first 401 by refreshing the token and retrying once (ky readme,
 * "TOKEN_REFRESHED"). All other retries belong to `request.ts`, which also paces the rate limit,
 * so ky's own retry is limited to that forced one. `context.onTokenRefused` lets the caller
 * record the refused attempt.
 */
export function createApiHttp(options: ApiHttpOptions): KyInstance {
  return ky.create({
    prefixUrl: options.apiBaseUrl,
    timeout: options.timeoutMs,
    throwHttpErrors: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: { limit: 1, shouldRetry: () => false },
    hooks: {
      beforeRequest: [
        async (request) => {
          const token = await options.tokens.getToken(request.signal);
          request.headers.set('authorization', `Bearer ${token}`);
        },
      ],
      afterResponse: [
        (request, kyOptions, response, state) => {
          if (response.status !== 401 || state.retryCount > 0) return undefined;
          const { onTokenRefused } = kyOptions.context;
          if (typeof onTokenRefused === 'function') onTokenRefused(response);
          const used = request.headers.get('authorization')?.replace(/^Bearer /, '');
          if (used) options.tokens.invalidate(used);
          return ky.retry({ delay: 0, code: TOKEN_REFRESHED });
        },
      ],
    },
  });
}
