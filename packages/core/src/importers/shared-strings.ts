/**
 * One string object per distinct value. `JSON.parse` makes a new string for every value it reads,
 * so 500k steps of 20 types kept 500k type strings alive; kept through this, they keep 20, and the
 * young-generation collections that run while a large file is imported copy the rest no further.
 * For short values that repeat (types, labels), not for names.
 */
export class SharedStrings {
  readonly #strings = new Map<string, string>();

  shared(value: string): string {
    const known = this.#strings.get(value);
    if (known !== undefined) return known;
    // A bounded pool: a file whose "types" are all different gains nothing from keeping them.
    if (this.#strings.size < 4096) this.#strings.set(value, value);
    return value;
  }
}
