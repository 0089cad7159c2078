import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import {
  BaselineSchema,
  compareWithBaseline,
  createBaseline,
  hasNewBlockingProblems,
  serializeBaseline,
} from '../../src/baseline/baseline.js';
import { flow, graphOf, resource, uses } from '../analysis/builders.js';

describe('[U] baselines', () => {
  const legacy = graphOf(
    [flow('a'), flow('b'), flow('c'), resource('gone', { state: 'deleted' })],
    [uses('a', 'b'), uses('b', 'a'), uses('c', 'gone')],
  );

  it('records error and warning findings by identity, sorted, and reads back through its schema', () => {
    const baseline = createBaseline(analyze(new AnalysisContext(legacy)), legacy, '2026-01-01T00:00:00.000Z');
    expect(baseline.problems).toEqual([
      { code: 'org-cycle', subject: 'a', related: ['a', 'b'], name: 'Flow a' },
      { code: 'published-uses-deleted', subject: 'c', related: ['gone'], name: 'Flow c' },
    ]);
    const text = serializeBaseline(baseline);
    expect(BaselineSchema.parse(JSON.parse(text))).toEqual(baseline);
    // One problem per line, so a change to the baseline is a one-line diff.
    expect(text.split('\n').filter((line) => line.includes('"code"'))).toHaveLength(2);
  });

  it('fails only on problems the baseline does not list, and lists the old ones as existing', () => {
    const baseline = createBaseline(analyze(new AnalysisContext(legacy)), legacy);
    const same = compareWithBaseline(analyze(new AnalysisContext(legacy)).findings, baseline);
    expect(same.introduced).toEqual([]);
    expect(same.existing.map((finding) => finding.code)).toEqual(['org-cycle', 'published-uses-deleted']);
    expect(hasNewBlockingProblems(same)).toBe(false);

    // A new cycle (c <-> a) and the old a <-> b one merge into one larger cycle: a new problem.
    const worse = graphOf([...legacy.nodes.values()], [...legacy.edges, uses('a', 'c'), uses('c', 'a')]);
    const compared = compareWithBaseline(analyze(new AnalysisContext(worse)).findings, baseline);
    expect(compared.introduced.map((finding) => [finding.code, finding.related])).toEqual([['org-cycle', ['a', 'b', 'c']]]);
    expect(compared.fixed).toEqual([{ code: 'org-cycle', subject: 'a', related: ['a', 'b'], name: 'Flow a' }]);
    expect(hasNewBlockingProblems(compared)).toBe(true);
  });

  it('tells a second broken reference of the same flow from the first', () => {
    const baseline = createBaseline(analyze(new AnalysisContext(legacy)), legacy);
    const more = graphOf([...legacy.nodes.values(), resource('gone2', { state: 'deleted' })], [...legacy.edges, uses('c', 'gone2')]);
    const compared = compareWithBaseline(analyze(new AnalysisContext(more)).findings, baseline);
    expect(compared.introduced.map((finding) => finding.related)).toEqual([['gone2']]);
  });

  it('does not fail on a new warning', () => {
    const baseline = createBaseline(analyze(new AnalysisContext(graphOf([flow('a')]))), undefined);
    const warned = graphOf([flow('a', { versions: { published: '1.0', saved: '2.0' } })]);
    const compared = compareWithBaseline(analyze(new AnalysisContext(warned)).findings, baseline);
    expect(compared.introduced.map((finding) => finding.code)).toEqual(['unpublished-changes']);
    expect(hasNewBlockingProblems(compared)).toBe(false);
  });
});
