import { describe, expect, it } from 'vitest';
import { archyYamlImporter } from '../../src/importers/archy-yaml/index.js';
import { parseSubstitutions, protectPlaceholders, templateVariablesIn } from '../../src/importers/templates/index.js';
import { reportSkip } from '../../../../testing/shared-data.js';
import { CORPUS_DIR, corpusFile, PAIRS } from './corpus.js';
import { comparableNames, scorePair } from './measures.js';

if (CORPUS_DIR === undefined) reportSkip('one test on a real corpus file', 'FLOWGRAPH_CORPUS_DIR');

/** Terraform's `${name}` placeholder, written so no `${…}` appears inside a plain string here. */
const dollar = (name: string) => `$${'{'}${name}}`;

const TEMPLATED = `workflow:
  name: {{flow_name}}
  division: {{division}}
  startUpRef: "/workflow/states/state[Start_1]"
  states:
    - state:
        name: Start
        refId: Start_1
        actions:
          - callData:
              name: Call {{data_action_name}}
              category:
                {{data_action_category}}:
                  dataAction:
                    {{data_action_name}}:
                      inputs: {}
          - decision:
              name: Found?
              outputs:
                yes:
                  actions:
                    - dataTableLookup: { name: L, dataTable: { "\${table}": {} } }
                no:
                  actions:
                    - endWorkflow: { name: End }
`;

describe('[U] templates', () => {
  it('lists {{name}} and dollar-brace placeholders once each', () => {
    expect(templateVariablesIn(`{{a}}-{{ b }} ${dollar('c')} {{a}}`)).toEqual(['a', 'b', 'c']);
  });

  it('turns placeholders in keys, unquoted and quoted scalars into tokens YAML reads, and back', () => {
    const text = 'name: {{flow}}\n{{prefix}}-Lambda: "{{flow}}"\n';
    const prepared = protectPlaceholders(text, { prefix: 'Acme: West' });
    expect(prepared.text).not.toContain('{');
    expect(prepared.unresolved).toEqual(['flow']);
    expect(prepared.substituted).toEqual(['prefix']);
    expect(prepared.restore(prepared.text)).toBe('name: {{flow}}\nAcme: West-Lambda: "{{flow}}"\n');
  });

  it('imports a templated flow raw, keeping placeholders and unquoted yes/no output names', () => {
    const unit = archyYamlImporter.parse({ path: 't.yaml', text: TEMPLATED }, { substitutions: {} });
    expect(unit.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(unit.issues.at(-1)?.message).toContain('flow_name, division, data_action_name, data_action_category, table');
    expect(unit.nodes[0]).toMatchObject({
      id: 'yaml:WORKFLOW:{{flow_name}}@t.yaml',
      name: '{{flow_name}}',
      templateVariables: ['flow_name'],
    });
    expect(
      unit.references.map((r) => [r.target.kind === 'resource' ? `${r.target.category ?? ''}/${r.target.name}` : '', r.templateVariables]),
    ).toEqual([
      ['{{data_action_category}}/{{data_action_name}}', ['data_action_category', 'data_action_name']],
      [`/${dollar('table')}`, ['table']],
    ]);
    expect(unit.edges.map((edge) => edge.label).filter(Boolean)).toEqual(['yes']);
  });

  it('fills placeholders from substitutions, even with YAML-special characters in the values', () => {
    const substitutions = {
      flow_name: 'Blacklist: main',
      division: 'Home',
      data_action_category: 'Web #1',
      data_action_name: 'Lookup ANI',
      table: 'Blocked',
    };
    const unit = archyYamlImporter.parse({ path: 't.yaml', text: TEMPLATED }, { substitutions });
    expect(unit.issues).toEqual([]);
    expect(unit.nodes[0]).toMatchObject({ name: 'Blacklist: main', division: 'Home' });
    expect(unit.references.map((r) => (r.target.kind === 'resource' ? `${r.target.category ?? ''}/${r.target.name}` : ''))).toEqual([
      'Web #1/Lookup ANI',
      '/Blocked',
    ]);
    expect(unit.references.every((r) => r.templateVariables === undefined)).toBe(true);
  });

  it.skipIf(CORPUS_DIR === undefined)(
    "[I] with the names the export shows, a templated corpus flow finds the manifest references (bar the module's own)",
    () => {
      const pair = PAIRS.find((p) => p.yaml.endsWith('MergeExternalContactMessageFlow.yaml'))!;
      const substitutions = {
        flow_name: 'Merge External Contact Message Flow',
        division: 'Home',
        queue_name: 'Merge Contact Queue',
        common_module_name: 'Resolve Contact',
        bot_flow_name: 'Merge External Contact Bot',
      };
      const yaml = archyYamlImporter.parse(corpusFile(pair.yaml), { substitutions });
      const exported = archyYamlImporter.parse(corpusFile(pair.yaml), { substitutions: {} });
      expect(exported.references.some((r) => r.templateVariables?.includes('common_module_name'))).toBe(true);
      const manifest = new Set(['queue:merge contact queue', 'flow:merge external contact bot', 'flow:resolve contact']);
      // The export's other three names are the common module's data actions, snapshotted into the caller.
      expect(scorePair(comparableNames(yaml.references), manifest)).toMatchObject({ found: 3, expected: 3, extra: [] });
    },
  );

  it('reads substitutions for every file from JSON and name=value lines', () => {
    expect(parseSubstitutions('{"a": "x", "n": 3, "bad": {}}', 's.json')).toEqual({
      values: { a: 'x', n: '3' },
      issues: [{ file: 's.json', field: 'bad', message: 'value must be a string, number or boolean', severity: 'warning' }],
    });
    expect(parseSubstitutions('# comment\nflow_name=Main IVR\nqueue = "Sales = West"\noops\n', 'set')).toEqual({
      values: { flow_name: 'Main IVR', queue: 'Sales = West' },
      issues: [{ file: 'set', field: 'line 4', message: 'expected name=value, got "oops"', severity: 'error' }],
    });
  });
});
