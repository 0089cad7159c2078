import { GenesysError } from './genesys-error.js';

/** The permissions a crawl needs, as Genesys' role editor names them. */
const REQUIRED_PERMISSIONS = [
  'Architect > Flow > View (architect:flow:view)',
  'Architect > Dependency Tracking > View (architect:dependencyTracking:view)',
] as const;

/**
 * A 403: the OAuth client's role lacks a permission. Client-credentials clients get their
 * rights from roles + divisions, not scopes, so the message says where to fix it.
 */
export class PermissionError extends GenesysError {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly correlationId: string | undefined;

  constructor(details: { method: string; path: string; body?: unknown; correlationId?: string }) {
    const genesysMessage =
      details.body && typeof details.body === 'object' && 'message' in details.body
        ? ` Genesys says: "${String(details.body.message)}".`
        : '';
    super(
      `${details.method} ${details.path} was refused (403 Forbidden).${genesysMessage} ` +
        `Give the OAuth client a role with ${REQUIRED_PERMISSIONS.join(' and ')}. ` +
        'Client-credentials roles only see flows in the divisions the role is granted for: ' +
        'grant the role on every division (or "All divisions") or flows there stay invisible.' +
        (details.correlationId ? ` [inin-correlation-id ${details.correlationId}]` : ''),
    );
    this.method = details.method;
    this.path = details.path;
    this.body = details.body;
    this.correlationId = details.correlationId;
  }
}
