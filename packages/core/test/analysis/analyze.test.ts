import { describe, expect, it } from 'vitest';
import { analyze, hasBlockingProblems } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { findFindings } from '../../src/analysis/findings/index.js';
import type { ImportIssue } from '../../src/model/issues.js';
import { contains, flow, graphOf, resource, step, transition, uses } from './builders.js';

describe('[I] analyze', () => {
  const graph = graphOf(
    [flow('ivr', { type: 'INBOUNDCALL' }), flow('module'), resource('table'), step('ivr', '1'), step('ivr', '2')],
    [
      contains('ivr', 'ivr:1'),
      transition('ivr:1', 'ivr:2'),
      transition('ivr:2', 'ivr:1'),
      uses('ivr:2', 'module'),
      uses('module', 'table'),
    ],
  );
  const issue: ImportIssue = { file: 'bad.json', message: 'not JSON', severity: 'error' };

  it('runs every stage into one result', () => {
    const result = analyze(new AnalysisContext(graph), {}, [issue]);
    expect(result.summary).toEqual({ flows: 2, steps: 2, resources: 1, nodes: 5, edges: 5 });
    expect(result.cycles.map((c) => c.scope)).toEqual(['flow']);
    expect(result.deployment.waves).toEqual([['table'], ['module'], ['ivr']]);
    expect(result.findings.map((f) => f.code)).toEqual(['flow-loop']);
    expect(result.errors).toEqual([issue]);
    expect(hasBlockingProblems(result)).toBe(false);
  });

  it('names cycles the same with the nodes the search found as by looking their ids up', () => {
    const looped = graphOf(
      [flow('a', { name: 'Main' }), flow('b'), step('a', '1', { name: 'Menu' }), step('a', '2', { name: '' }), step('a', '3')],
      [
        transition('a:1', 'a:2'),
        transition('a:2', 'a:3'),
        transition('a:3', 'a:1'),
        transition('a:2', 'a:2'),
        uses('a:3', 'b'),
        uses('b', 'a'),
      ],
    );
    for (const strict of [false, true]) {
      const result = analyze(new AnalysisContext(looped), { strict });
      expect(result.findings).toEqual(findFindings(new AnalysisContext(looped), { strict }));
      expect(result.findings.map((f) => f.message)).toContain('Flow "Main" loops through 3 steps: "a:2" → "a:2".');
    }
  });

  it('blocks under strict, where the step loop counts', () => {
    const result = analyze(new AnalysisContext(graph), { strict: true });
    expect(result.deployment.blocked).toBe(true);
    expect(hasBlockingProblems(result)).toBe(true);
  });

  it('blocks on an error-level finding even when deployment is possible', () => {
    const result = analyze(new AnalysisContext(graphOf([flow('a', { version: '1.0' })])), { targetVersion: '2.0' });
    expect(result.deployment.blocked).toBe(false);
    expect(hasBlockingProblems(result)).toBe(true);
  });
});
