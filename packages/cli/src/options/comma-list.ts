import { z } from 'zod';

/** `a, b,c` -> ['a', 'b', 'c'] (blanks dropped); an empty list is an error naming an example. */
export function commaList(example: string) {
  return z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .refine((items) => items.length > 0, `expected a comma-separated list, e.g. ${example}`);
}
