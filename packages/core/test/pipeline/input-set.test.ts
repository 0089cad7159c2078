import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { InputSet, type InputFileVersion } from '../../src/pipeline/input-set.js';
import type { TerraformFile } from '../../src/importers/templates/terraform-flows.js';
import { inboundYaml } from './flow-yaml.js';

const at = (n: number) => `2026-01-01T00:00:0${n}.000Z`;
const file = (path: string, text: string, n = 0): InputFileVersion => ({ path, text, readAt: at(n), location: `/repo/${path}` });
const flowIds = (set: InputSet) =>
  [...set.load().graph.nodes.values()]
    .filter((node) => node.kind === 'flow' && node.state !== 'missing')
    .map((node) => node.name)
    .sort();

describe('[U] InputSet: a watched folder kept imported', () => {
  it('links a transfer chain and re-imports only the file that changed', () => {
    const set = new InputSet();
    set.update({
      upsert: [file('a.yaml', inboundYaml('A', ['B'])), file('b.yaml', inboundYaml('B', ['C'])), file('c.yaml', inboundYaml('C'))],
    });
    expect(flowIds(set)).toEqual(['A', 'B', 'C']);
    expect(analyze(new AnalysisContext(set.load().graph)).cycles.filter((cycle) => cycle.scope === 'org')).toEqual([]);

    // C now transfers back to A: the chain closes into a cycle.
    expect(set.update({ upsert: [file('c.yaml', inboundYaml('C', ['A']), 1)] })).toEqual(['c.yaml']);
    const cycles = analyze(new AnalysisContext(set.load().graph)).cycles.filter((cycle) => cycle.scope === 'org');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.members).toHaveLength(3);
  });

  it('keeps the last good version of a broken file in the graph, marked stale, with the new error reported', () => {
    const set = new InputSet();
    set.update({ upsert: [file('a.yaml', inboundYaml('A', ['B'])), file('b.yaml', inboundYaml('B'))] });
    set.update({ upsert: [file('b.yaml', 'inboundCall:\n  name: B\n  tasks: [oops\n', 2)] });
    const loaded = set.load();
    expect(flowIds(set)).toEqual(['A', 'B']);
    const report = loaded.files.find((entry) => entry.path === 'b.yaml')!;
    expect(report.stale).toEqual({ since: at(0) });
    expect(report.readAt).toBe(at(2));
    expect(report.errors).toBeGreaterThan(0);
    expect(report.issues[0]).toMatchObject({ file: 'b.yaml', severity: 'error' });
    expect(report.issues[0]!.message).toMatch(/YAML/);
    expect(loaded.staleFlows).toEqual([expect.objectContaining({ name: 'B', since: at(0) })]);
    expect(report.flows.map((flow) => flow.name)).toEqual(['B']);

    // Fixed: the new version is shown and nothing is stale.
    set.update({ upsert: [file('b.yaml', inboundYaml('B', ['A']), 3)] });
    const fixed = set.load();
    expect(fixed.staleFlows).toEqual([]);
    expect(fixed.files.find((entry) => entry.path === 'b.yaml')!.stale).toBeUndefined();
  });

  it('shows a file that never imported cleanly as it is, and drops removed files', () => {
    const set = new InputSet();
    set.update({ upsert: [file('a.yaml', inboundYaml('A')), file('bad.json', '{ nope')] });
    const loaded = set.load();
    expect(loaded.files.find((entry) => entry.path === 'bad.json')).toMatchObject({ format: 'unknown', errors: 1, flows: [] });
    expect(loaded.files.find((entry) => entry.path === 'bad.json')!.stale).toBeUndefined();
    set.update({ remove: ['a.yaml'] });
    expect(flowIds(set)).toEqual([]);
    expect(set.paths).toEqual(['bad.json']);
  });

  it('re-imports a templated file when its Terraform substitutions change, and only it', () => {
    const template = inboundYaml('{{flow_name}}', ['Next']);
    const terraform = (name: string): TerraformFile => ({
      path: 'main.tf',
      location: '/repo/main.tf',
      kind: 'configuration',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform expression, not a JS template
      body: { resource: { genesyscloud_flow: { ivr: { filepath: '${path.module}/ivr.yaml', substitutions: { flow_name: name } } } } },
    });
    const set = new InputSet();
    set.update({ upsert: [file('ivr.yaml', template), file('next.yaml', inboundYaml('Next'))], terraform: [terraform('Main IVR')] });
    expect(flowIds(set)).toEqual(['Main IVR', 'Next']);
    expect(set.update({ terraform: [terraform('Front Door')] })).toEqual(['ivr.yaml']);
    expect(flowIds(set)).toEqual(['Front Door', 'Next']);
  });
});
