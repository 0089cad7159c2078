// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform expressions, written as hcl2json writes them.
import { describe, expect, it } from 'vitest';
import { normalisePath } from '../../src/importers/templates/paths.js';
import { planFlowSubstitutions, type TerraformFile } from '../../src/importers/templates/terraform-flows.js';
import { loadGraph } from '../../src/pipeline/load-graph.js';

// Terraform as HashiCorp's hcl2json writes it (blocks as lists, expressions as "${…}"), and .tf.json (blocks as objects).
const root: TerraformFile = {
  path: 'repo/main.tf',
  location: 'repo/main.tf',
  kind: 'configuration',
  body: {
    variable: { division: [{ default: 'Home' }], support_queue: [{ type: '${string}' }], missing: [{ type: '${string}' }] },
    locals: [{ prefix: 'Acme' }],
    resource: {
      genesyscloud_routing_queue: { billing: [{ name: '${local.prefix} Billing' }] },
      genesyscloud_flow: {
        ivr: [
          {
            filepath: '${path.module}/flows/ivr.yaml',
            substitutions: { flow_name: '${local.prefix} IVR', division: '${var.division}', queue_name: '${var.support_queue}' },
          },
        ],
        lookup: [
          {
            filepath: 'flows/lookup.yaml',
            substitutions: {
              flow_name: 'Lookup',
              queue_name: '${genesyscloud_routing_queue.billing.name}',
              region: '${var.missing}',
              hash: '${md5("x")}',
            },
          },
        ],
        gone: [{ filepath: '${path.module}/flows/gone.yaml', substitutions: { flow_name: 'Gone' } }],
        twice: [{ filepath: '${path.root}/flows/ivr.yaml', substitutions: { flow_name: 'Other' } }],
      },
    },
    module: { queue_flows: [{ source: './modules/in-queue', flow_name: 'In-Queue ${var.division}', hold: '${var.support_queue}' }] },
  },
};
const module: TerraformFile = {
  path: 'repo/modules/in-queue/main.tf.json',
  location: 'repo/modules/in-queue/main.tf.json',
  kind: 'configuration',
  body: {
    variable: { flow_name: {}, hold: {}, greeting: { default: 'Hello' } },
    resource: {
      genesyscloud_flow: {
        in_queue: {
          filepath: '${path.module}/flows/in-queue.yaml',
          substitutions: { flow_name: '${var.flow_name}', queue: '${var.hold}', greeting: '${var.greeting}' },
        },
      },
    },
  },
};
const tfvars: TerraformFile = {
  path: 'repo/terraform.tfvars',
  location: 'repo/terraform.tfvars',
  kind: 'variables',
  body: { support_queue: 'Support' },
};
const flows = ['repo/flows/ivr.yaml', 'repo/flows/lookup.yaml', 'repo/modules/in-queue/flows/in-queue.yaml', 'repo/flows/orphan.yaml'];

describe('[U] Terraform genesyscloud_flow substitutions, per flow file', () => {
  const plan = planFlowSubstitutions([root, module, tfvars], flows);

  it("gives each flow file its own resource's values: literals, variables, locals, attributes, module arguments", () => {
    expect(plan.resources).toBe(5);
    expect(plan.byLocation.get('repo/flows/ivr.yaml')).toEqual({
      resource: 'genesyscloud_flow.ivr',
      file: 'repo/main.tf',
      values: { flow_name: 'Acme IVR', division: 'Home', queue_name: 'Support' },
    });
    // A relative filepath is relative to the root module (where Terraform runs).
    expect(plan.byLocation.get('repo/flows/lookup.yaml')?.values).toEqual({ flow_name: 'Lookup', queue_name: 'Acme Billing' });
    // ${path.module} is the module's folder; its variables come from the module call, else their defaults.
    expect(plan.byLocation.get('repo/modules/in-queue/flows/in-queue.yaml')).toEqual({
      resource: 'module.queue_flows.genesyscloud_flow.in_queue',
      file: 'repo/modules/in-queue/main.tf.json',
      values: { flow_name: 'In-Queue Home', queue: 'Support', greeting: 'Hello' },
    });
    expect(plan.byLocation.has('repo/flows/orphan.yaml')).toBe(false);
  });

  it('names what stayed unresolved, an unmatched resource and a file two resources deploy, once each', () => {
    expect(plan.issues.map((issue) => [issue.field, issue.message])).toEqual([
      [
        'genesyscloud_flow.lookup',
        'substitutions without a value: region (var.missing has no value), hash (md5("x")); give them with --set name=value',
      ],
      [
        'genesyscloud_flow.gone',
        'filepath "${path.module}/flows/gone.yaml" (repo/flows/gone.yaml) is none of the input files; give the flow file or its folder as an input',
      ],
      [
        'genesyscloud_flow.twice',
        'filepath "${path.root}/flows/ivr.yaml" is also the filepath of genesyscloud_flow.ivr (repo/main.tf); the values of genesyscloud_flow.ivr are used',
      ],
    ]);
    expect(plan.issues.every((issue) => issue.severity === 'warning' && issue.file === 'repo/main.tf')).toBe(true);
  });

  it('fills each templated file from its own resource when loading, and says which file has none', () => {
    const template = (type: string, extra = '') =>
      `${type}:\n  name: "{{flow_name}}"\n${extra}  tasks:\n    - task:\n        name: Main\n        refId: Main_1\n        actions:\n          - disconnect:\n              name: Bye\n`;
    const files = [
      { path: 'flows/ivr.yaml', location: 'repo/flows/ivr.yaml', text: template('inboundCall', '  division: "{{division}}"\n') },
      { path: 'flows/lookup.yaml', location: 'repo/flows/lookup.yaml', text: template('commonModule') },
      { path: 'flows/orphan.yaml', location: 'repo/flows/orphan.yaml', text: template('workflow') },
    ];
    const { graph, issues } = loadGraph(files, { terraform: [root, module, tfvars], overrides: { division: 'Override' } });
    const flowsByFile = new Map([...graph.nodes.values()].filter((node) => node.kind === 'flow').map((node) => [node.file, node]));
    expect(flowsByFile.get('flows/ivr.yaml')).toMatchObject({ name: 'Acme IVR', division: 'Override' });
    expect(flowsByFile.get('flows/lookup.yaml')).toMatchObject({ name: 'Lookup' });
    expect(flowsByFile.get('flows/orphan.yaml')).toMatchObject({ name: '{{flow_name}}' });
    const orphan = issues.filter((issue) => issue.file === 'flows/orphan.yaml');
    expect(orphan).toHaveLength(1);
    expect(orphan[0]!.message).toContain('no genesyscloud_flow resource of the Terraform files has this file as its filepath');
  });

  it('normalises paths without node:path', () => {
    expect(normalisePath('repo/./a/../b//c.yaml')).toBe('repo/b/c.yaml');
    expect(normalisePath('C:\\work\\repo\\x.yaml')).toBe('C:/work/repo/x.yaml');
    expect(normalisePath('/a/../../b')).toBe('/b');
    expect(normalisePath('../x/./y')).toBe('../x/y');
  });
});
