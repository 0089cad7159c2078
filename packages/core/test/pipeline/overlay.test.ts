import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { toExportGraph } from '../../src/exporters/json.js';
import { importFiles } from '../../src/importers/registry.js';
import { graphFromExport, overlayFiles } from '../../src/pipeline/overlay.js';
import { loadGraph } from '../../src/pipeline/load-graph.js';
import { inboundYaml } from './flow-yaml.js';

describe('[U] overlayFiles: what if I deploy these files', () => {
  // The org: Main -> Billing -> Queue Support; Billing and Main are known by their org ids.
  const org = loadGraph([
    { path: 'main.yaml', text: inboundYaml('Main', ['Billing']) },
    { path: 'billing.yaml', text: inboundYaml('Billing', [], { queue: 'Support' }) },
  ]).graph;
  const base = graphFromExport(toExportGraph(org));

  it('replaces the flow of the same type and name, keeps its id, and its callers reach the new version', () => {
    const units = importFiles([{ path: 'dropped/billing.yaml', text: inboundYaml('billing', ['Main']) }]);
    const overlay = overlayFiles(base, units);
    const billing = [...base.nodes.values()].find((node) => node.name === 'Billing')!;
    const main = [...base.nodes.values()].find((node) => node.name === 'Main')!;
    expect(overlay.replaced).toEqual([billing.id]);
    expect(overlay.graph.nodes.get(billing.id)).toMatchObject({ kind: 'flow', file: 'dropped/billing.yaml' });
    const orgEdges = analyze(new AnalysisContext(overlay.graph));
    // Main still calls Billing, and the dropped Billing calls Main back: a cycle the org did not have.
    expect(orgEdges.cycles.filter((cycle) => cycle.scope === 'org').map((cycle) => [...cycle.members].sort())).toEqual([
      [billing.id, main.id].sort(),
    ]);
    expect(analyze(new AnalysisContext(base)).cycles.filter((cycle) => cycle.scope === 'org')).toEqual([]);
    // The old Billing's queue use went with it.
    expect(overlay.graph.edges.some((edge) => edge.source === billing.id && overlay.graph.nodes.get(edge.target)?.name === 'Support')).toBe(
      false,
    );
  });

  it('adds a flow the org does not have, resolving its references against the org', () => {
    const overlay = overlayFiles(base, importFiles([{ path: 'new.yaml', text: inboundYaml('Front Door', ['Main']) }]));
    expect(overlay.replaced).toEqual([]);
    const front = [...overlay.graph.nodes.values()].find((node) => node.name === 'Front Door')!;
    const main = [...base.nodes.values()].find((node) => node.name === 'Main')!;
    expect(overlay.graph.edges.some((edge) => edge.source.startsWith(front.id) && edge.target === main.id)).toBe(true);
    expect(overlay.graph.nodes.size).toBeGreaterThan(base.nodes.size);
  });
});
