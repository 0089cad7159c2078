// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the messages quote Terraform expressions.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from './helpers.js';
import { analysisReportSchema } from '@flowgraph/core';

// A CX-as-Code repository in small: genesyscloud_flow resources with filepath and substitutions in
// the root module and in a local module, variables from terraform.tfvars, defaults, locals and
// another resource's attribute, a resource whose file is gone and a template no resource deploys.
const repo = fileURLToPath(new URL('./fixtures/cx-as-code/', import.meta.url));

async function analyze(...extra: string[]) {
  const run = await runCli(['analyze', '.', '--substitutions', '.', '--format', 'json', ...extra], { cwd: repo });
  expect(run.code, run.stderr).toBe(0);
  const json = analysisReportSchema.parse(JSON.parse(run.stdout));
  const graph = await runCli(['export', '.', '--substitutions', '.', '--format', 'json', ...extra], { cwd: repo });
  const nodes = (JSON.parse(graph.stdout) as { nodes: Array<{ kind: string; name: string; type: string; file?: string }> }).nodes;
  return { json, nodes };
}

describe("[I] CX-as-Code: each flow file gets its own genesyscloud_flow resource's substitutions", () => {
  it("fills every templated flow from its resource (HCL parsed by HashiCorp's parser), so references resolve", async () => {
    const { json, nodes } = await analyze();
    const flows = Object.fromEntries(nodes.filter((node) => node.kind === 'flow').map((node) => [node.file, node.name]));
    expect(flows).toEqual({
      'flows/main-ivr.yaml': 'Acme Main IVR',
      'flows/lookup.yaml': 'Acme Lookup',
      'modules/in-queue/flows/in-queue.yaml': 'Acme In-Queue',
      'flows/orphan.yaml': '{{flow_name}}',
    });
    // Each flow transfers to its own queue: var from terraform.tfvars, a resource attribute built from a local, a module argument.
    const queues = nodes.filter((node) => node.type === 'QUEUE').map((node) => node.name);
    expect(queues.sort()).toEqual(['Acme Billing', 'Acme Support']);
    // The IVR's module call resolves to the module the other resource deploys.
    expect(json.findings.filter((finding) => finding.code === 'unresolved-reference')).toEqual([]);
    expect(json.imports.templated).toBe(1);
  });

  it('names once each: what stayed unresolved, a resource whose file is not an input, a template no resource deploys', async () => {
    const { json } = await analyze();
    expect(json.warnings.map((issue) => [issue.file, issue.field ?? '', issue.message.replace(/\(\/[^)]*\)/, '(…)')])).toEqual([
      [
        'main.tf',
        'genesyscloud_flow.lookup',
        'substitutions without a value: region (var.unused_without_value has no value); give them with --set name=value',
      ],
      [
        'main.tf',
        'genesyscloud_flow.retired',
        'filepath "${path.module}/flows/retired.yaml" (…) is none of the input files; give the flow file or its folder as an input',
      ],
      [
        'flows/orphan.yaml',
        '',
        'template placeholders without a value: flow_name (no genesyscloud_flow resource of the Terraform files has this file as its filepath; pass them with --set name=value)',
      ],
    ]);
    expect(json.errors).toEqual([]);
  });

  it('lets --set override every file', async () => {
    const { nodes } = await analyze('--set', 'flow_name=Everywhere');
    expect(nodes.filter((node) => node.kind === 'flow' && node.file !== undefined).map((node) => node.name)).toEqual([
      'Everywhere',
      'Everywhere',
      'Everywhere',
      'Everywhere',
    ]);
  });

  it('reports a Terraform file HCL cannot parse as an error naming it, and goes on', async () => {
    const folder = await tempFolder({
      'flow.yaml': 'workflow:\n  name: "{{flow_name}}"\n',
      'broken.tf': 'resource "genesyscloud_flow" "x" {\n',
    });
    try {
      const run = await runCli(['check', 'flow.yaml', '--substitutions', 'broken.tf', '--format', 'json'], { cwd: folder.dir });
      expect(run.code).toBe(1);
      const json = analysisReportSchema.parse(JSON.parse(run.stdout));
      expect(json.errors).toEqual([expect.objectContaining({ file: 'broken.tf', severity: 'error' })]);
      expect(json.errors[0]!.message).toContain('Unclosed configuration block');
    } finally {
      await folder.cleanup();
    }
  });
});
