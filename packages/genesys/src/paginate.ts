import type { z } from 'zod';
import type { GenesysClient } from './client.js';
import { isFatal } from './errors/is-fatal.js';
import type { ApiRequest } from './http/api-request.js';

/** The part of Genesys' paging envelope paging needs. */
export interface Listing<T> {
  entities?: T[] | undefined;
  pageCount?: number | undefined;
  total?: number | undefined;
}

export interface PageFailure {
  pageNumber: number;
  error: Error;
}

export interface PagedResult<T> {
  entities: T[];
  pageCount: number;
  /** Pages after the first that still failed after their retries. */
  failedPages: PageFailure[];
}

export interface PaginateOptions {
  pageSize: number;
  signal?: AbortSignal;
  /** Called after each page, with pages done and the total. */
  onPage?(pagesDone: number, pageCount: number): void;
}

/**
 * Fetches page 1 to learn `pageCount`, then every other page concurrently (the rate limiter
 * bounds how many run at once), as Genesys' Terraform exporter does. Entities come back in
 * page order. Page 1 failing throws; a later page failing is returned in `failedPages`.
 */
export async function fetchAllPages<T>(
  client: GenesysClient,
  request: ApiRequest,
  schema: z.ZodType<Listing<T>>,
  options: PaginateOptions,
): Promise<PagedResult<T>> {
  const pageRequest = (pageNumber: number): ApiRequest => ({
    ...request,
    query: { ...request.query, pageSize: options.pageSize, pageNumber },
  });
  const first = await client.get(pageRequest(1), schema, { signal: options.signal });
  const pageCount = pageCountOf(first, options.pageSize);
  options.onPage?.(1, pageCount);
  const pages: T[][] = [first.entities ?? []];
  const failedPages: PageFailure[] = [];
  let pagesDone = 1;
  await Promise.all(
    Array.from({ length: pageCount - 1 }, async (_, index) => {
      const pageNumber = index + 2;
      try {
        const page = await client.get(pageRequest(pageNumber), schema, { signal: options.signal });
        pages[pageNumber - 1] = page.entities ?? [];
      } catch (error) {
        if (isFatal(error)) throw error;
        failedPages.push({ pageNumber, error: error as Error });
      }
      options.onPage?.(++pagesDone, pageCount);
    }),
  );
  failedPages.sort((a, b) => a.pageNumber - b.pageNumber);
  return { entities: pages.flatMap((page) => page ?? []), pageCount, failedPages };
}

/** `pageCount` when given, else derived from `total`; at least 1. */
function pageCountOf(listing: Listing<unknown>, pageSize: number): number {
  if (listing.pageCount !== undefined) return Math.max(1, listing.pageCount);
  if (listing.total !== undefined) return Math.max(1, Math.ceil(listing.total / pageSize));
  return 1;
}
