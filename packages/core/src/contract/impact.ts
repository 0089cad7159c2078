import { z } from 'zod';
import { count } from './count.js';

export const impactEntrySchema = z.object({
  id: z.string(),
  depth: count,
  /** One shortest path from the queried node (downstream) or to it (upstream), both ends included. */
  path: z.array(z.string()).min(1),
});
export type ImpactEntry = z.infer<typeof impactEntrySchema>;

export const impactSchema = z.object({
  node: z.string(),
  downstream: z.array(impactEntrySchema),
  upstream: z.array(impactEntrySchema),
  /** Entry flows (inbound / outbound / messaging) that reach the node. */
  entryFlows: z.array(z.string()),
});
export type Impact = z.infer<typeof impactSchema>;
