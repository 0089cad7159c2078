import { z } from 'zod';

/** A number of things: a whole number, never negative. */
export const count = z.number().int().min(0);
