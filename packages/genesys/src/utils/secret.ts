import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Holds the OAuth client secret so it cannot leak by accident: string conversion, JSON and
 * `util.inspect` (console.log, error causes) all print `[redacted]`. Only `reveal()` gives it,
 * and only the token provider calls that.
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
