import type { Request } from 'express';

export interface EntityListing<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
}

/** `/api/v2/flows?pageNumber=2&pageSize=25&type=inboundcall`: paging first, then the caller's other filters. */
function pageUri(req: Request, pageNumber: number, pageSize: number): string {
  const rest = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  rest.delete('pageNumber');
  rest.delete('pageSize');
  const tail = rest.toString();
  return `${req.baseUrl}${req.path}?pageNumber=${pageNumber}&pageSize=${pageSize}${tail ? `&${tail}` : ''}`;
}

/** One page of `items` in the entity-listing envelope every Genesys listing uses. */
export function listing<T>(req: Request, items: readonly T[], pageNumber: number, pageSize: number): EntityListing<T> {
  const total = items.length;
  const pageCount = Math.ceil(total / pageSize);
  const start = (pageNumber - 1) * pageSize;
  return {
    entities: items.slice(start, start + pageSize),
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: pageUri(req, 1, pageSize),
    selfUri: pageUri(req, pageNumber, pageSize),
    lastUri: pageUri(req, Math.max(1, pageCount), pageSize),
    ...(pageNumber < pageCount ? { nextUri: pageUri(req, pageNumber + 1, pageSize) } : {}),
    ...(pageNumber > 1 ? { previousUri: pageUri(req, Math.min(pageNumber - 1, Math.max(1, pageCount)), pageSize) } : {}),
  };
}
