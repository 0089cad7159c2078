/**
 * Collects what arrives in bursts (an editor's save is several events; a `git checkout` hundreds)
 * and hands it over once things are quiet for `quietMs`, or at the latest `maxWaitMs` after the
 * first item, so a file written continuously is still picked up. Items are de-duplicated.
 */
export class Debouncer<T> {
  readonly #pending = new Set<T>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstAt = 0;

  constructor(
    private readonly flush: (items: T[]) => void,
    private readonly quietMs: number,
    private readonly maxWaitMs: number = quietMs * 10,
    private readonly now: () => number = Date.now,
  ) {}

  add(item: T): void {
    if (this.#pending.size === 0) this.#firstAt = this.now();
    this.#pending.add(item);
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    const waited = this.now() - this.#firstAt;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, Math.min(this.quietMs, this.maxWaitMs - waited)));
  }

  /** Drops what is pending without handing it over. */
  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
  }

  #fire(): void {
    this.#timer = undefined;
    const items = [...this.#pending];
    this.#pending.clear();
    if (items.length > 0) this.flush(items);
  }
}
