import { skipToken } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { flowStepsQuery, graphQuery, impactQuery, metricsQuery, queryKeys } from '../src/api/queries.js';
import { initialUiState } from '../src/state/types.js';

describe('[U] query keys and options', () => {
  it('files everything a crawl produces under one branch, so a finished crawl invalidates it in one call', () => {
    const crawled = queryKeys.crawled();
    for (const { queryKey } of [graphQuery(initialUiState.policy), impactQuery('a'), flowStepsQuery('f')]) {
      expect(queryKey.slice(0, crawled.length)).toEqual(crawled);
    }
    expect(metricsQuery().queryKey.slice(0, crawled.length)).not.toEqual(crawled);
  });

  it('keys each answer by every variable its request reads', () => {
    const strict = { ...initialUiState.policy, strict: true };
    expect(graphQuery(strict).queryKey).not.toEqual(graphQuery(initialUiState.policy).queryKey);
    expect(impactQuery('a').queryKey).not.toEqual(impactQuery('b').queryKey);
  });

  it('turns the impact query off with skipToken while nothing is selected', () => {
    expect(impactQuery(null).queryFn).toBe(skipToken);
    expect(impactQuery('a').queryFn).toBeTypeOf('function');
  });
});
