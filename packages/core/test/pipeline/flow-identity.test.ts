import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { impact } from '../../src/analysis/impact.js';
import type { FlowNode, GraphEdge } from '../../src/model/graph.js';
import { loadGraph } from '../../src/pipeline/load-graph.js';
import { fixtureFiles } from '../formats/corpus.js';

const fixtures = fixtureFiles();
const pick = (...paths: string[]) => paths.map((path) => fixtures.find((file) => file.path === path)!);
const YAML = 'callback-offer/Callback Offer.yaml';
const EXPORTED = 'callback-offer/Callback Offer.i3InboundFlow';
const DECODED = `${EXPORTED}.decoded.json`;

const flowsOf = (nodes: Iterable<unknown>) => [...nodes].filter((node): node is FlowNode => (node as FlowNode).kind === 'flow');
const edgeKey = (edge: GraphEdge) => [edge.source, edge.target, edge.kind, edge.via ?? '', edge.label ?? ''].join(' | ');

function expectNoEdgeTwice(edges: readonly GraphEdge[]): void {
  const keys = edges.map(edgeKey);
  expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
}

describe('[U] one node per flow, however many files define it', () => {
  it('merges a YAML file, its export and the decoded export into one node listing every file', () => {
    const { graph, issues, summary } = loadGraph(pick(YAML, EXPORTED, DECODED, 'callback-module.yaml'));
    const offer = flowsOf(graph.nodes.values()).filter((flow) => flow.name === 'Callback Offer');
    expect(offer).toHaveLength(1);
    expect(offer[0]!.files).toEqual(expect.arrayContaining([YAML, EXPORTED, DECODED]));
    expect(offer[0]!.files).toHaveLength(3);
    expect(offer[0]!.conflictingDefinitions).toBeUndefined();
    // The steps of one file only: the export (same step count, Architect's ids in its manifest).
    const steps = [...graph.nodes.values()].filter((node) => node.kind === 'step' && node.flowId === offer[0]!.id);
    expect(new Set(steps.map((step) => step.file))).toEqual(new Set([offer[0]!.file]));
    expect(offer[0]!.file).toBe(EXPORTED);
    expectNoEdgeTwice(graph.edges);
    expect(issues.filter((issue) => issue.severity === 'warning')).toEqual([]);
    expect(summary.flowsByType).toEqual({ COMMONMODULE: 1, INBOUNDCALL: 1 });
    const result = analyze(new AnalysisContext(graph));
    expect(result.findings.map((finding) => finding.code)).toEqual([]);
    // The module call resolves to the imported module, once, from the step that makes it.
    const calls = graph.edges.filter((edge) => edge.kind === 'uses' && edge.via === 'callCommonModule');
    expect(calls).toHaveLength(1);
    expect(graph.nodes.get(calls[0]!.target)).toMatchObject({ name: 'Callback Module', file: 'callback-module.yaml' });
  });

  it('gives two different definitions of one name and type one node, one duplicate-flow finding, and resolves references to it', () => {
    const offer = pick(YAML)[0]!;
    const other = { path: 'elsewhere/Callback Offer.yaml', text: offer.text.replace('name: To support', 'name: To sales') };
    const caller = {
      path: 'caller.yaml',
      text: 'inboundCall:\n  name: Front Door\n  tasks:\n    - task:\n        name: Start\n        refId: Start_1\n        actions:\n          - transferToFlow:\n              name: Go\n              targetFlow:\n                name:\n                  lit: Callback Offer\n',
    };
    const { graph } = loadGraph([offer, other, caller]);
    const merged = flowsOf(graph.nodes.values()).filter((flow) => flow.name === 'Callback Offer');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.conflictingDefinitions).toBe(true);
    const result = analyze(new AnalysisContext(graph));
    const duplicates = result.findings.filter((finding) => finding.code === 'duplicate-flow');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ severity: 'warning', subject: merged[0]!.id });
    expect(duplicates[0]!.message).toContain('elsewhere/Callback Offer.yaml');
    expect(duplicates[0]!.message).toContain(YAML);
    expect(result.findings.filter((finding) => finding.code === 'ambiguous-reference')).toEqual([]);
    expect(graph.edges).toContainEqual({
      source: expect.stringMatching(/^yaml:INBOUNDCALL:front door:/),
      target: merged[0]!.id,
      kind: 'uses',
      via: 'transferToFlow',
    });
    expectNoEdgeTwice(graph.edges);
  });

  it('keeps each templated file its own flow, and a placeholder resource used by both has both upstream', () => {
    const { graph } = loadGraph(pick('templated/blocklist.yaml', 'templated/allowlist.yaml'));
    const flows = flowsOf(graph.nodes.values());
    expect(flows.map((flow) => flow.file).sort()).toEqual(['templated/allowlist.yaml', 'templated/blocklist.yaml']);
    for (const flow of flows) {
      const steps = [...graph.nodes.values()].filter((node) => node.kind === 'step' && node.flowId === flow.id);
      expect(steps.every((step) => step.file === flow.file)).toBe(true);
    }
    const table = [...graph.nodes.values()].find((node) => node.name === '{{data_table}}')!;
    const upstreamFlows = impact(new AnalysisContext(graph), table.id).upstream.filter(
      (entry) => graph.nodes.get(entry.id)?.kind === 'flow',
    );
    expect(upstreamFlows).toHaveLength(2);
  });

  it('reads every document of a YAML file as a flow of its own', () => {
    const [blocklist, allowlist] = pick('templated/blocklist.yaml', 'templated/allowlist.yaml');
    const { graph } = loadGraph([{ path: 'both.yaml', text: `${blocklist!.text}\n---\n${allowlist!.text}` }]);
    const flows = flowsOf(graph.nodes.values());
    expect(flows.map((flow) => flow.id)).toEqual(['yaml:WORKFLOW:{{flow_name}}@both.yaml', 'yaml:WORKFLOW:{{flow_name}}@both.yaml#2']);
  });
});
