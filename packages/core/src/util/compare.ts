/** Code-unit order, the same on every machine and locale (localeCompare is neither). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareStrings);
}

/**
 * Orders Genesys version ids ("1.0", "10.0", "2.1") segment by segment, numerically where both
 * segments are numbers, so "10.0" > "9.0"; a missing segment counts as 0 ("2" equals "2.0").
 */
export function compareVersions(a: string, b: string): number {
  const left = a.trim().split('.');
  const right = b.trim().split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? '0';
    const y = right[i] ?? '0';
    const order = isNumeric(x) && isNumeric(y) ? Number(x) - Number(y) : compareStrings(x, y);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

function isNumeric(segment: string): boolean {
  return /^\d+$/.test(segment);
}
