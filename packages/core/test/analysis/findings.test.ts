import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { findFindings } from '../../src/analysis/findings/index.js';
import type { AnalyzeOptions, Finding } from '../../src/analysis/result.js';
import type { FlowGraph } from '../../src/model/graph.js';
import { edge, flow, graphOf, resource, step, transition, uses } from './builders.js';

function findingsOf(graph: FlowGraph, options: AnalyzeOptions = {}): Finding[] {
  return findFindings(new AnalysisContext(graph), options);
}

function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.subject}`);
}

describe('[U] findFindings: publish state', () => {
  const graph = graphOf(
    [
      flow('main', { name: 'Main IVR' }),
      flow('draft', { state: 'unpublished' }),
      flow('gone', { state: 'deleted' }),
      resource('lookup', { type: 'DATAACTION', name: 'Lookup', state: 'missing' }),
      flow('sleepy', { state: 'unpublished' }),
      step('main', '1'),
      step('main', '2'),
    ],
    [uses('main', 'draft'), uses('main:1', 'draft'), uses('main:2', 'gone'), uses('main:1', 'lookup'), uses('sleepy', 'gone')],
  );
  const findings = findingsOf(graph);

  it('reports each broken target of a published flow once, its own uses and its steps alike', () => {
    expect(codes(findings.filter((f) => f.code.startsWith('published-uses')))).toEqual([
      'published-uses-deleted main',
      'published-uses-missing main',
      'published-uses-unpublished main',
    ]);
    expect(findings.find((f) => f.code === 'published-uses-missing')).toMatchObject({
      severity: 'error',
      related: ['lookup'],
      message: 'Published flow "Main IVR" uses data action "Lookup", which was not found in anything imported.',
    });
  });

  it('reports a missing node once, naming the flows that use it', () => {
    expect(findings.filter((f) => f.code === 'unresolved-reference')).toEqual([
      {
        code: 'unresolved-reference',
        severity: 'warning',
        subject: 'lookup',
        message: 'Data action "Lookup" used by flow "Main IVR" was not found in anything imported.',
        related: ['main'],
      },
    ]);
  });
});

describe('[U] findFindings: references', () => {
  it('groups the candidates of one ambiguous reference', () => {
    const graph = graphOf(
      [flow('a'), resource('t1', { name: 'Hours' }), resource('t2', { name: 'hours' }), resource('q', { name: 'Q' })],
      [
        edge('a', 't1', 'uses', { via: 'dataTableLookup', ambiguous: true }),
        edge('a', 't2', 'uses', { via: 'dataTableLookup', ambiguous: true }),
        uses('a', 'q'),
      ],
    );
    const [finding, ...rest] = findingsOf(graph);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'ambiguous-reference', severity: 'error', subject: 'a', related: ['t1', 't2'] });
    expect(finding?.message).toContain('matches 2 objects');
  });

  it('flags run-time and templated references', () => {
    const graph = graphOf(
      [
        flow('a', { templateVariables: ['{{env}}'] }),
        resource('dyn', { type: 'UNKNOWN', name: 'Task.Queue', expression: 'Task.Queue' }),
        step('a', '1'),
      ],
      [uses('a:1', 'dyn')],
    );
    const findings = findingsOf(graph);
    expect(codes(findings)).toEqual(['templated-reference a', 'dynamic-reference dyn']);
    expect(findings[1]?.message).toContain('`Task.Queue`');
    expect(findings[1]?.related).toEqual(['a']);
  });
});

describe('[U] findFindings: versions and locks', () => {
  it('compares versions numerically and tells never-published apart', () => {
    const graph = graphOf([
      flow('ahead', { versions: { published: '9.0', saved: '10.0' } }),
      flow('equal', { versions: { published: '10.0', checkedIn: '10.0' } }),
      flow('new', { state: 'unpublished', versions: { saved: '1.0' } }),
      flow('locked', { lockedBy: 'jane@example.com' }),
    ]);
    const findings = findingsOf(graph);
    expect(codes(findings)).toEqual(['unpublished-changes ahead', 'locked locked', 'never-published new']);
    expect(findings[0]?.message).toBe('Flow "Flow ahead" has unpublished changes: saved version 10.0 is newer than published version 9.0.');
  });
});

describe('[U] findFindings: cycles', () => {
  const graph = graphOf(
    [flow('a', { name: 'Alpha' }), flow('b', { name: 'Beta' }), step('c', 'menu', { name: 'Menu' }), step('c', 'x', { name: 'Again' })],
    [uses('a', 'b'), uses('b', 'a'), transition('c:menu', 'c:x'), transition('c:x', 'c:menu')],
  );

  it('makes org cycles errors with the path in names, and flow loops info', () => {
    const findings = findingsOf(graph);
    expect(codes(findings)).toEqual(['org-cycle a', 'flow-loop c']);
    expect(findings[0]?.message).toBe(
      'Circular reference among 2 objects: "Alpha" → "Beta" → "Alpha". Removing "Beta" → "Alpha" breaks this loop.',
    );
    expect(findings[1]).toMatchObject({ severity: 'info', related: ['c:menu', 'c:x'] });
    expect(findings[1]?.message).toContain('"Menu" → "Again" → "Menu"');
  });

  it('makes flow loops errors under strict', () => {
    expect(findingsOf(graph, { strict: true }).map((f) => f.severity)).toEqual(['error', 'error']);
  });
});

describe('[U] findFindings: policies', () => {
  const graph = graphOf([
    flow('v1', { version: '1.0', declaredStatus: 'Draft' }),
    flow('v2', { version: '2', declaredStatus: 'APPROVED' }),
    flow('pub', { versions: { published: '2.0' } }),
    flow('none'),
    flow('external', { file: undefined, version: '0.1' }),
    flow('ref', { state: 'missing' }),
  ]);

  it('checks the target version on imported flows only', () => {
    const findings = findingsOf(graph, { targetVersion: '2.0' }).filter((f) => f.code === 'version-policy');
    expect(findings.map((f) => f.subject)).toEqual(['none', 'v1']);
    expect(findings[1]?.message).toBe('Flow "Flow v1" is at version 1.0, not the target version 2.0.');
  });

  it('checks the status case-insensitively, falling back to the publish state', () => {
    const findings = findingsOf(graph, { allowedStatus: ['approved', 'Published'] }).filter((f) => f.code === 'status-policy');
    expect(findings.map((f) => f.subject)).toEqual(['v1']);
  });
});

describe('[U] findFindings order', () => {
  it('sorts by severity, then code, then subject', () => {
    const graph = graphOf(
      [flow('z', { lockedBy: 'x' }), flow('y', { lockedBy: 'x' }), flow('m', { state: 'missing' }), flow('a')],
      [uses('a', 'm'), uses('z', 'y'), uses('y', 'z')],
    );
    expect(codes(findingsOf(graph))).toEqual(['org-cycle y', 'published-uses-missing a', 'unresolved-reference m', 'locked y', 'locked z']);
  });
});
