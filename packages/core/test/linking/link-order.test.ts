import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportSkip } from '../../../../testing/shared-data.js';
import type { InputFile } from '../../src/importers/importer.js';
import { importFiles } from '../../src/importers/registry.js';
import { link } from '../../src/linking/link.js';
import type { FlowGraph } from '../../src/model/graph.js';
import { InputSet } from '../../src/pipeline/input-set.js';
import { loadGraph } from '../../src/pipeline/load-graph.js';
import { compareStrings } from '../../src/util/compare.js';
import { CORPUS_DIR, corpusFiles } from '../formats/corpus.js';
import { inboundYaml } from '../pipeline/flow-yaml.js';

const QUEUE_ID = 'q0000000-0000-4000-8000-000000000001';

/** The same small flow as a common module. */
function commonModuleYaml(name: string): string {
  return inboundYaml(name).replaceAll('inboundCall', 'commonModule');
}

/** A snapshot whose flow uses the queue by id (dependency tracking), which the YAML names only. */
const snapshot = JSON.stringify({
  format: 'flowgraph-snapshot',
  version: 1,
  source: { kind: 'file' },
  fetchedAt: '2026-11-20T09:30:00.000Z',
  errors: [],
  flows: [{ id: 'f-after-hours', name: 'After Hours', type: 'INBOUNDCALL', publishedVersion: { id: '1.0', type: 'PUBLISH' } }],
  consumedResources: {
    'f-after-hours': { version: '1.0', objectType: 'INBOUNDCALLFLOW', resources: [{ id: QUEUE_ID, name: 'support', type: 'QUEUE' }] },
  },
});

/**
 * Four files that disagree: "Billing" is an inbound call in one file and, spelt "billing ", in
 * another (the same flow twice, so one definition must be kept), and a common module in a third;
 * the support queue is named in the YAML and known by id in the snapshot.
 */
const FIXTURE: readonly InputFile[] = [
  { path: 'flows/main.yaml', text: inboundYaml('Main', ['Billing', 'Gone Flow'], { queue: 'Support' }) },
  { path: 'flows/billing.yaml', text: inboundYaml('Billing', ['Main']) },
  { path: 'flows/billing-copy.yaml', text: inboundYaml('billing ', ['Main']) },
  { path: 'modules/billing.yaml', text: commonModuleYaml('Billing') },
  { path: 'org.json', text: snapshot },
];

/** The graph as sorted lines: one per node (id and every field) and one per edge. */
function canonical(graph: FlowGraph): string {
  const nodes = [...graph.nodes.values()].map((node) => JSON.stringify(sortKeys(node)));
  const edges = graph.edges.map((edge) => JSON.stringify(sortKeys(edge)));
  return [...nodes.sort(compareStrings), ...edges.sort(compareStrings)].join('\n');
}

function sortKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, field]): [string, unknown] => [key, Array.isArray(field) ? [...field].sort() : field])
      .sort(([a], [b]) => compareStrings(a, b)),
  );
}

function permutations<T>(items: readonly T[]): T[][] {
  // Heap's algorithm, iterative.
  const list = [...items];
  const result = [[...list]];
  const counters = list.map(() => 0);
  let index = 1;
  while (index < list.length) {
    if (counters[index]! < index) {
      const other = index % 2 === 0 ? 0 : counters[index]!;
      [list[other], list[index]] = [list[index]!, list[other]!];
      result.push([...list]);
      counters[index]!++;
      index = 1;
    } else {
      counters[index] = 0;
      index++;
    }
  }
  return result;
}

/** Fisher-Yates with a small seeded generator (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const list = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let index = list.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [list[index], list[other]] = [list[other]!, list[index]!];
  }
  return list;
}

/** `link` itself, on the units in the given order (the pipelines sort by path first; this checks linking does not need it). */
function linked(files: readonly InputFile[]): string {
  return canonical(link(importFiles(files, {})).graph);
}

describe('[U] linking does not depend on the order of the files', () => {
  const sorted = [...FIXTURE].sort((a, b) => compareStrings(a.path, b.path));
  const expected = canonical(loadGraph(sorted).graph);

  it('gives the sorted order graph for each of the 120 orders, through loadGraph (CLI) and InputSet (serve, page)', () => {
    const orders = permutations(FIXTURE);
    expect(orders).toHaveLength(120);
    for (const order of orders) {
      expect(canonical(loadGraph(order).graph)).toBe(expected);
      const set = new InputSet();
      set.update({ upsert: order.map((file) => ({ ...file, readAt: '2026-12-01T00:00:00.000Z' })) });
      expect(canonical(set.load().graph)).toBe(expected);
    }
  });

  it('resolves the ambiguities by type, then by file path, and joins the queue under its id', () => {
    const { graph } = loadGraph(FIXTURE);
    const billing = [...graph.nodes.values()].filter((node) => node.kind === 'flow' && node.name.trim().toLowerCase() === 'billing');
    // The two inbound call definitions become one node, kept from the first file by path.
    expect(billing.map((node) => [node.type, node.file]).sort()).toEqual([
      ['COMMONMODULE', 'modules/billing.yaml'],
      ['INBOUNDCALL', 'flows/billing-copy.yaml'],
    ]);
    // Main's transfer to "Billing" goes to the inbound call (the type a transfer asks for first), not the module.
    const billingIds = new Set(billing.map((node) => node.id));
    const transfers = graph.edges.filter((edge) => edge.kind === 'uses' && edge.via === 'transferToFlow' && billingIds.has(edge.target));
    expect(transfers.map((edge) => [edge.target, edge.ambiguous ?? false])).toEqual([['yaml:INBOUNDCALL:billing', false]]);
    const queues = [...graph.nodes.values()].filter((node) => node.kind === 'resource' && node.type === 'QUEUE');
    expect(queues.map((node) => node.id)).toEqual([QUEUE_ID]);
  });

  it('link alone, on the units in any order, gives the same graph (property)', () => {
    const reference = linked(sorted);
    fc.assert(
      fc.property(fc.shuffledSubarray([...FIXTURE], { minLength: FIXTURE.length }), (order) => {
        expect(linked(order)).toBe(reference);
      }),
      { numRuns: 60 },
    );
  });
});

if (CORPUS_DIR === undefined) reportSkip('link order on the real flow corpus', 'FLOWGRAPH_CORPUS_DIR');

describe.skipIf(CORPUS_DIR === undefined)('[I] link order on the real flow corpus', () => {
  it('gives the sorted order graph for seeded shuffles of the corpus', () => {
    const files = corpusFiles().filter((file) => !file.path.endsWith('.md'));
    const units = importFiles(files, {});
    // Linking marks nodes (merged files, template variables): each link gets fresh copies.
    const fresh = (list: typeof units) => list.map((unit) => ({ ...unit, nodes: unit.nodes.map((node) => ({ ...node })) }));
    const expected = canonical(link(fresh(units)).graph);
    // Seeded shuffles, not fast-check: its counterexample print would be the whole corpus.
    for (const seed of [1, 2, 3, 4, 5]) {
      const order = shuffled(units, seed);
      expect(canonical(link(fresh(order)).graph), `link, seed ${seed}`).toBe(expected);
      const byPath = new Map(files.map((file) => [file.path, file]));
      expect(canonical(loadGraph(order.map((unit) => byPath.get(unit.file)!)).graph), `loadGraph, seed ${seed}`).toBe(expected);
    }
  });
});
