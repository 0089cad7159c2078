import type { Random } from '../random.js';

/**
 * Realistic, unique names. The corpus gives base names (real flows, queues, data actions); a
 * generated org needs hundreds, so bases get the qualifiers real orgs use (region, brand, line of
 * business, version) until a name is unused.
 */
const QUALIFIERS = [
  'EMEA',
  'APAC',
  'NA',
  'UK',
  'DE',
  'Retail',
  'Business',
  'Premium',
  'Claims',
  'Billing',
  'Sales',
  'Support',
  'Collections',
  'Onboarding',
  'Renewals',
  'After Hours',
  'v2',
  'v3',
  'Pilot',
  'Legacy',
];

export class NameBook {
  private readonly used = new Set<string>();
  /** Next numeric suffix per base, so a crowded base costs O(1) instead of a scan. */
  private readonly counters = new Map<string, number>();

  constructor(private readonly random: Random) {}

  /** A name built from one of `bases`, unique within this book (case-insensitive, as Genesys compares). */
  take(bases: readonly string[]): string {
    const base = this.random.pick(bases).trim();
    if (this.claim(base)) return base;
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = `${base} - ${this.random.pick(QUALIFIERS)}`;
      if (this.claim(candidate)) return candidate;
    }
    for (let counter = this.counters.get(base) ?? 2; ; counter++) {
      const candidate = `${base} ${counter}`;
      if (this.claim(candidate)) {
        this.counters.set(base, counter + 1);
        return candidate;
      }
    }
  }

  private claim(name: string): boolean {
    const key = name.toLowerCase();
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}
