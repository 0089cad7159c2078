import type { Response } from 'express';

/** `ErrorBody` of the Platform API (PY257 docs/ErrorBody.md); `contextId` is the correlation id. */
export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  contextId: string;
  details: Array<{ errorCode?: string; fieldName?: string; entityId?: string; entityName?: string }>;
  errors: ErrorBody[];
}

export function errorBody(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Pick<ErrorBody, 'messageWithParams' | 'messageParams' | 'details'> = { details: [] },
): ErrorBody {
  const contextId = String(res.getHeader('inin-correlation-id') ?? '');
  return { message, code, status, ...extra, details: extra.details ?? [], contextId, errors: [] };
}

export function sendError(res: Response, status: number, code: string, message: string, extra?: Parameters<typeof errorBody>[4]): void {
  res.status(status).json(errorBody(res, status, code, message, extra));
}

/** A missing or invalid query parameter, named, as a 400 the client can act on. */
export function sendBadParameter(res: Response, name: string, problem: string): void {
  sendError(res, 400, 'bad.request', `Invalid or missing query parameter '${name}': ${problem}`, {
    messageWithParams: 'Invalid or missing query parameter {paramName}: {problem}',
    messageParams: { paramName: name, problem },
    details: [{ errorCode: 'invalid.value', fieldName: name }],
  });
}

/** The normalised 429 body (developer forum "Normalized Platform API 429 responses", 2021-11-10). */
export function sendTooManyRequests(res: Response, retryAfterSeconds: number): void {
  res.setHeader('Retry-After', String(retryAfterSeconds));
  sendError(
    res,
    429,
    'too.many.requests.retry.after',
    `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
  );
}
