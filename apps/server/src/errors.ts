/**
 * Errors the HTTP layer maps to statuses in one place (http/error-handler.ts).
 * Each carries a stable machine-readable `code` and a message a person can act on.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string) {
    super(400, 'bad-request', message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, 'not-found', message);
  }
}

export class CrawlPendingError extends ApiError {
  constructor(message = 'The org is still being loaded; watch /api/progress and retry when it is done.') {
    super(503, 'crawl-pending', message);
  }
}

/** The crawl failed and no earlier crawl can stand in; the message is the client's (never a secret). */
export class CrawlFailedError extends ApiError {
  constructor(message: string) {
    super(502, 'crawl-failed', `Loading the org failed: ${withoutFinalStop(message)}. Fix the cause, then POST /api/refresh.`);
  }
}

export class CrawlRunningError extends ApiError {
  constructor() {
    super(409, 'crawl-running', 'A crawl is already running; watch /api/progress for its end.');
  }
}

export class TooManyRequestsError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate-limited', message);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** A message ending in a full stop, quoted before our own sentence, would read "region.. Fix". */
export function withoutFinalStop(message: string): string {
  return message.replace(/[\s.]+$/, '');
}
