import { GenesysError } from './genesys-error.js';

/**
 * The login host refused the client credentials (or the API refused a fresh token).
 * Carries Genesys' OAuth `error` / `error_description`; never the secret.
 */
export class AuthenticationError extends GenesysError {
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly status: number | undefined;

  constructor(details: { status?: number; error?: string; errorDescription?: string; detail?: string }) {
    const reason = [details.error, details.errorDescription].filter(Boolean).join(': ');
    super(
      `Genesys Cloud authentication failed${details.status ? ` (status ${details.status})` : ''}` +
        `${reason ? `: ${reason}` : ''}${details.detail ? `. ${details.detail}` : ''}. ` +
        'Check GENESYSCLOUD_OAUTHCLIENT_ID / GENESYSCLOUD_OAUTHCLIENT_SECRET, that the OAuth client uses the ' +
        'Client Credentials grant, and that GENESYSCLOUD_REGION is the org’s region.',
    );
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.status = details.status;
  }
}
