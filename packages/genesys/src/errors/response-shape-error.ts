import { GenesysError } from './genesys-error.js';

/**
 * The request succeeded but the body was not JSON or not the shape Genesys documents
 * (ky 2.x's SchemaValidationError split: transport worked, the data did not).
 */
export class ResponseShapeError extends GenesysError {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly issues: string[];

  constructor(details: { method: string; path: string; attempts: number; issues: string[] }) {
    super(
      `${details.method} ${details.path} ` +
        `returned an unexpected body after ${details.attempts} attempt(s): ${details.issues.slice(0, 5).join('; ')}`,
    );
    this.method = details.method;
    this.path = details.path;
    this.attempts = details.attempts;
    this.issues = details.issues;
  }
}
