import ky, { HTTPError, type KyInstance } from 'ky';
import type { z } from 'zod';
import { apiErrorSchema, type GraphResponse } from '@flowgraph/core';
import { ASK_THE_SERVER } from '../files/local-answer.js';
import { localFiles } from '../files/local-files.js';
import { readGraphBody } from './graph-reader.js';
import { parseAnswer } from './parse-answer.js';
import { signInUrl } from './sign-in.js';

/** A request that takes longer is failed: the server answers from memory, except a flow's steps it fetches (retried). */
const REQUEST_TIMEOUT_MS = 60_000;
/** `crawl-pending`: the server is on its first crawl. */
const SERVICE_UNAVAILABLE = 503;

/** The one HTTP client of the page: same-origin `/api`, errors turned into the server's own message. */
export const api = ky.create({
  prefixUrl: '/api',
  timeout: REQUEST_TIMEOUT_MS,
  // The server answers 503 `crawl-pending` while the first crawl runs; react-query retries that.
  retry: 0,
  hooks: {
    // Team mode: a session that ended (expired, signed out elsewhere) sends the page to sign-in,
    // which brings the person back here.
    afterResponse: [
      (_request, _options, response) => {
        if (response.status === 401) window.location.assign(signInUrl());
      },
    ],
    beforeError: [
      async (error) => {
        const body: unknown = await error.response
          .clone()
          .json()
          .catch(() => undefined);
        const parsed = apiErrorSchema.safeParse(body);
        if (parsed.success) {
          error.message = parsed.data.error.message;
          error.name = parsed.data.error.code;
        }
        return error;
      },
    ],
  },
});

/**
 * GET a path and validate the body; a shape mismatch names the field that drifted. While files
 * opened in the page are shown, they answer instead of the server (the same questions, the same
 * shapes), except a flow's steps that only the org has (files deployed over it).
 */
export async function getJson<T extends z.ZodType>(
  path: string,
  schema: T,
  searchParams?: URLSearchParams,
  client: KyInstance = api,
): Promise<z.infer<T>> {
  return parseAnswer(path, schema, await getBody(path, 'json', searchParams, client));
}

/** GET from the server, whatever the page shows. */
export async function getServerJson<T extends z.ZodType>(
  path: string,
  schema: T,
  searchParams?: URLSearchParams,
  client: KyInstance = api,
): Promise<z.infer<T>> {
  return parseAnswer(path, schema, await getServerBody(path, 'json', searchParams, client));
}

/**
 * `/api/graph`: the browser undoes the compression (brotli or gzip, negotiated) and answers a
 * repeat from its cache when the server says 304; the text is parsed, checked against the compact
 * wire form and expanded into the `GraphResponse` every panel reads in a Web Worker, with the org
 * canvas's elements (see `graph-reader.ts`).
 */
export async function getGraph(searchParams: URLSearchParams, client: KyInstance = api): Promise<GraphResponse> {
  return readGraphBody(await getBody('graph', 'text', searchParams, client));
}

/** The body of an answer: the server's as JSON or as text (parsed elsewhere), or the files' (already parsed). */
async function getBody(path: string, as: 'json' | 'text', searchParams: URLSearchParams | undefined, client: KyInstance): Promise<unknown> {
  if (!localFiles.active) return getServerBody(path, as, searchParams, client);
  const answer = await localFiles.ask(path, searchParams);
  if (answer.status === 200) return answer.body;
  if (answer.body.error.code === ASK_THE_SERVER) return getServerBody(path, as, searchParams, client);
  const error = new Error(answer.body.error.message);
  error.name = answer.body.error.code;
  throw error;
}

function getServerBody(path: string, as: 'json' | 'text', searchParams: URLSearchParams | undefined, client: KyInstance): Promise<unknown> {
  const response = client.get(path, searchParams ? { searchParams } : {});
  return as === 'json' ? response.json() : response.text();
}

/** True while the server is still on its first crawl (503 crawl-pending): worth retrying soon. */
export function isCrawlPending(error: unknown): boolean {
  return error instanceof HTTPError && error.response.status === SERVICE_UNAVAILABLE;
}
