/** Base of every error this package throws, so callers can tell ours from bugs. */
export class GenesysError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
