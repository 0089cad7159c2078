import type { ParseArgsOptionsConfig } from './parse.js';
import type { AnalyzeOptions } from '@flowgraph/core';
import { z } from 'zod';
import { commaList } from './comma-list.js';

export const analysisOptionsConfig = {
  format: { type: 'string' },
  strict: { type: 'boolean' },
  'target-version': { type: 'string' },
  'allowed-status': { type: 'string' },
} satisfies ParseArgsOptionsConfig;

export const analysisOptionsShape = {
  format: z.enum(['text', 'json']).default('text'),
  strict: z.boolean().default(false),
  'target-version': z.string().min(1).optional(),
  'allowed-status': commaList('published,draft').optional(),
};

export function toAnalyzeOptions(options: {
  strict: boolean;
  'target-version'?: string | undefined;
  'allowed-status'?: string[] | undefined;
}): AnalyzeOptions {
  return {
    strict: options.strict,
    ...(options['target-version'] ? { targetVersion: options['target-version'] } : {}),
    ...(options['allowed-status'] ? { allowedStatus: options['allowed-status'] } : {}),
  };
}
