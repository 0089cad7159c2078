import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline } from '../../src/baseline/baseline.js';
import { diffGraphs } from '../../src/diff/diff-graphs.js';
import { checkProblems, diffProblems } from '../../src/reporters/problems.js';
import { toSarif } from '../../src/reporters/sarif.js';
import { after, afterResult, before, beforeResult } from './sample.js';

// The schema's language pattern is not valid with the `u` flag, so patterns are compiled without it.
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// CommonJS packages: under NodeNext their class is the default export's `default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const tool = { name: 'flowgraph', version: '0.1.0', informationUri: 'https://example.invalid/flowgraph' };

function valid(text: string): Record<string, unknown> {
  const log = JSON.parse(text);
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

describe('[U] SARIF reporter', () => {
  it('uses a validator that rejects what SARIF forbids', () => {
    const log = JSON.parse(toSarif(checkProblems({ result: afterResult, graph: after, failed: true }), tool));
    log.runs[0].results[0].level = 'info';
    expect(validate(log)).toBe(false);
  });

  it('writes a check as valid SARIF 2.1.0: a rule per code, file and line where known', () => {
    const report = checkProblems({
      result: {
        ...afterResult,
        errors: [{ file: 'flows/bad.yaml', field: 'inboundCall.name', message: 'expected a string', severity: 'error' }],
      },
      graph: after,
      failed: true,
    });
    const log = valid(toSarif(report, tool)) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> }>;
    };
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(['import-error', 'org-cycle', 'published-uses-deleted']);
    const cycle = run?.results.find((result) => result.ruleId === 'org-cycle');
    expect(cycle).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'flows/billing.yaml', uriBaseId: '%SRCROOT%' } } }],
    });
    const main = checkProblems({
      result: { ...afterResult, findings: [{ code: 'locked', severity: 'warning', subject: 'main', message: 'm' }] },
      graph: after,
      failed: false,
    });
    const mainLog = valid(toSarif(main, tool)) as typeof log;
    expect(mainLog.runs[0]?.results[0]).toMatchObject({
      locations: [{ physicalLocation: { artifactLocation: { uri: 'flows/main.yaml' }, region: { startLine: 3 } } }],
    });
    const importError = run?.results.find((result) => result.ruleId === 'import-error');
    expect(importError).toMatchObject({ message: { text: 'inboundCall.name: expected a string' } });
  });

  it('marks problems against a baseline as new, unchanged or absent', () => {
    const baseline = createBaseline(beforeResult, before);
    const comparison = compareWithBaseline(afterResult.findings, baseline);
    const log = valid(toSarif(checkProblems({ result: afterResult, graph: after, baseline: comparison, failed: true }), tool)) as {
      runs: Array<{ results: Array<{ ruleId: string; baselineState: string }> }>;
    };
    expect(log.runs[0]?.results.map((result) => [result.ruleId, result.baselineState])).toEqual([
      ['org-cycle', 'new'],
      ['published-uses-deleted', 'unchanged'],
    ]);
  });

  it('writes a diff as valid SARIF, and a live crawl without files as results without a file', () => {
    const diff = diffGraphs(before, after);
    valid(toSarif(diffProblems(diff, true), tool));
    const live = checkProblems({
      result: { ...afterResult, errors: [{ file: 'live:mypurecloud.ie', flow: 'Main', message: 'HTTP 500', severity: 'error' }] },
      graph: after,
      failed: true,
    });
    const log = valid(toSarif(live, tool)) as { runs: Array<{ results: Array<{ ruleId: string; locations?: unknown }> }> };
    expect(log.runs[0]?.results.find((result) => result.ruleId === 'import-error')?.locations).toBeUndefined();
  });
});
