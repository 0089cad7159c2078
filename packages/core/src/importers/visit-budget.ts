/**
 * A cap on how many values one file's walks may visit. Every walk is iterative, so nesting
 * cannot overflow the stack; the cap bounds the work a hostile file can cause and lets tests
 * assert a structural bound instead of wall-clock time.
 */
export class VisitBudget {
  visits = 0;
  constructor(readonly limit: number) {}

  /** False once the limit is passed: the caller stops walking. */
  spend(): boolean {
    this.visits += 1;
    return this.visits <= this.limit;
  }
}

/** Generous: far above what any corpus file needs, linear in the input size. */
export function defaultVisitLimit(textLength: number): number {
  return 200_000 + 20 * textLength;
}
