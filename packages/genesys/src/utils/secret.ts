import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Holds the OAuth client secret so it cannot leak by accident: string conversion, JSON and
 * `util.inspect` (console.log, error causes) all print `[redacted]`. Only `reveal()` gives it:
 * the token provider to log in, and the server to scrub it from messages it passes on.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
