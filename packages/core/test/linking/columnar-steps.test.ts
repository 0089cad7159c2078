import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { buildGraphIndex, type GraphIndex } from '../../src/analysis/graph-index.js';
import type { ImportUnit, InputFile } from '../../src/importers/importer.js';
import { importFiles } from '../../src/importers/registry.js';
import { withStepObjects } from '../../src/importers/unit-objects.js';
import { link } from '../../src/linking/link.js';
import { columnsOf } from '../../src/model/columnar-graph.js';
import type { FlowGraph } from '../../src/model/graph.js';
import { buildImportSummary } from '../../src/pipeline/summary.js';
import { inboundYaml } from '../pipeline/flow-yaml.js';

/**
 * The tutorial importer writes each flow's steps as columns; every unit made objects
 * (`withStepObjects`) is what it wrote before. Linking and analysing either must give the same
 * graph, index and analysis: that is the oracle here.
 */

// Ids with `:` in them, so that a flow `a` with a step `b:c` and a flow `a:b` with a step `c` (the
// same graph id) come up, and must send linking down the careful path.
const FLOW_IDS = ['a', 'b', 'a:b', 'main', 'x:y:z'];
const STEP_IDS = ['s1', 's2', 'c', 'b:c', 'y:z', 'start'];
const TYPES = ['start', 'menu', 'task', 'playAudio', 'decision'];
const LABELS = [undefined, 'yes', 'no', 'digit_1'];

interface GeneratedFlow {
  id: string;
  status: string;
  steps: string[];
  types: string[];
  transitions: Array<[number, number | string, string | undefined]>;
}

const flowArbitrary: fc.Arbitrary<GeneratedFlow> = fc
  .record({
    id: fc.constantFrom(...FLOW_IDS),
    status: fc.constantFrom('published', 'draft'),
    steps: fc.uniqueArray(fc.constantFrom(...STEP_IDS), { maxLength: 5 }),
    types: fc.array(fc.constantFrom(...TYPES), { minLength: 5, maxLength: 5 }),
    // A target is a step of the flow (a number), or another flow or another flow's step (a string).
    targets: fc.array(
      fc.tuple(
        fc.nat(8),
        fc.oneof(fc.nat(8), fc.constantFrom(...FLOW_IDS), fc.constantFrom(...FLOW_IDS.flatMap((f) => STEP_IDS.map((s) => `${f}:${s}`)))),
        fc.constantFrom(...LABELS),
      ),
      { maxLength: 8 },
    ),
  })
  .map(({ id, status, steps, types, targets }) => ({ id, status, steps, types, transitions: targets }));

function tutorialText(flows: readonly GeneratedFlow[]): string {
  return JSON.stringify(
    flows.map((flow) => ({
      id: flow.id,
      name: `Flow ${flow.id}`,
      type: 'inboundcall',
      metadata: { status: flow.status },
      definition: {
        nodes: Object.fromEntries(flow.steps.map((step, i) => [step, { type: flow.types[i], name: `Step ${step}` }])),
        transitions: flow.transitions.flatMap(([from, to, condition]) => {
          if (flow.steps.length === 0) return [];
          const source = flow.steps[from % flow.steps.length];
          const target = typeof to === 'number' ? flow.steps[to % flow.steps.length] : to;
          return [condition === undefined ? { from: source, to: target } : { from: source, to: target, condition }];
        }),
      },
    })),
  );
}

const filesArbitrary: fc.Arbitrary<InputFile[]> = fc
  .tuple(fc.array(fc.array(flowArbitrary, { maxLength: 4 }), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([files, withYaml]) => [
    ...files.map((flows, i) => ({ path: `org-${i}.json`, text: tutorialText(flows) })),
    // A file of another format, whose steps are objects, beside the columns.
    ...(withYaml ? [{ path: 'flows/main.yaml', text: inboundYaml('Main', ['Flow a'], { queue: 'Support' }) }] : []),
  ]);

function linkedBothWays(files: readonly InputFile[]): { columnar: ReturnType<typeof link>; objects: ReturnType<typeof link> } {
  const units: ImportUnit[] = importFiles([...files], {});
  return { columnar: link(units), objects: link(importFiles([...files], {}).map(withStepObjects)) };
}

function sameIndex(actual: GraphIndex, expected: GraphIndex): void {
  expect([...actual.ids]).toEqual([...expected.ids]);
  for (const key of [
    'kinds',
    'flowOf',
    'outOffsets',
    'outTargets',
    'outEdges',
    'inOffsets',
    'inSources',
    'inEdges',
    'edgeKinds',
  ] as const) {
    expect([...actual[key]], key).toEqual([...expected[key]]);
  }
  expect([...actual.edgeSources]).toEqual([...expected.edgeSources]);
  expect([...actual.edgeTargets]).toEqual([...expected.edgeTargets]);
  expect(actual.skippedEdges).toBe(expected.skippedEdges);
  for (let i = 0; i < expected.kinds.length; i++) {
    expect(actual.id(i)).toBe(expected.id(i));
    expect(actual.name(i)).toBe(expected.name(i));
    expect(actual.node(i)).toEqual(expected.node(i));
    expect(actual.position(expected.id(i))).toBe(i);
  }
  for (let e = 0; e < expected.edgeKinds.length; e++) expect(actual.edge(e)).toEqual(expected.edge(e));
  for (const id of ['a:nothing', 'nothing', 'a:', ':s1']) expect(actual.position(id)).toBe(expected.position(id));
}

function nodesInOrder(graph: FlowGraph): unknown[] {
  return [...graph.nodes];
}

describe('[U] steps held as columns', () => {
  it('link, index and analysis give what the same files as objects give (fast-check)', () => {
    fc.assert(
      fc.property(filesArbitrary, (files) => {
        const { columnar, objects } = linkedBothWays(files);
        // The index first: reading the graph's nodes below makes the objects.
        sameIndex(buildGraphIndex(columnar.graph), buildGraphIndex(objects.graph));
        const result = analyze(new AnalysisContext(columnar.graph), {}, columnar.issues);
        expect(result).toEqual(analyze(new AnalysisContext(objects.graph), {}, objects.issues));
        expect(buildImportSummary(columnar.units, columnar.graph, columnar.issues)).toEqual(
          buildImportSummary(objects.units.map(withStepObjects), objects.graph, objects.issues),
        );
        expect(nodesInOrder(columnar.graph)).toEqual(nodesInOrder(objects.graph));
        expect(columnar.graph.edges).toEqual(objects.graph.edges);
        expect(columnar.issues).toEqual(objects.issues);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps plain flows as columns, and a flow defined twice or a colliding id as objects', () => {
    const flow = (id: string, steps: string[]): GeneratedFlow => ({
      id,
      status: 'published',
      steps,
      types: TYPES,
      transitions: [[0, 1, 'yes']],
    });
    const plain = link(importFiles([{ path: 'org.json', text: tutorialText([flow('a', ['s1', 's2']), flow('b', ['s1'])]) }], {}));
    expect(columnsOf(plain.graph)?.stepCount).toBe(3);

    // `a` + `b:c` and `a:b` + `c` are both "a:b:c": linked as objects, the second is reported (by its flow).
    const colliding = link(
      importFiles([{ path: 'org.json', text: tutorialText([flow('a', ['b:c', 's1']), flow('a:b', ['c', 's2'])]) }], {}),
    );
    expect(columnsOf(colliding.graph)).toBeUndefined();
    expect(colliding.issues.map((issue) => issue.message)).toEqual([
      'duplicate id "a:b:c": already defined in org.json; this step is ignored',
    ]);
    expect(colliding.graph.nodes.has('a:b:c')).toBe(true);

    const twice = link(
      importFiles(
        [
          { path: 'one.json', text: tutorialText([flow('a', ['s1', 's2'])]) },
          { path: 'two.json', text: tutorialText([flow('a', ['s1'])]) },
        ],
        {},
      ),
    );
    expect(columnsOf(twice.graph)).toBeUndefined();
    expect(twice.issues.map((issue) => issue.message)).toEqual([
      'duplicate id "a": already defined in one.json; this flow and its 1 step are ignored',
    ]);
  });

  it('a copy of the graph, or one whose nodes are replaced, is read as objects', () => {
    const text = tutorialText([{ id: 'a', status: 'published', steps: ['s1', 's2'], types: TYPES, transitions: [[0, 1, undefined]] }]);
    const { graph } = link(importFiles([{ path: 'org.json', text }], {}));
    expect(columnsOf(graph)).toBeDefined();
    const copy = { ...graph };
    expect(columnsOf(copy)).toBeUndefined();
    expect([...copy.nodes.keys()]).toEqual(['a', 'a:s1', 'a:s2']);
    expect(copy.edges.map((edge) => `${edge.source}>${edge.target}`)).toEqual(['a:s1>a:s2', 'a>a:s1']);
    graph.nodes = new Map([...graph.nodes].slice(0, 2));
    expect(columnsOf(graph)).toBeUndefined();
    expect(buildGraphIndex(graph).ids).toEqual(['a', 'a:s1']);
  });
});
