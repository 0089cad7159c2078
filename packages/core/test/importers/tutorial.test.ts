import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../src/importers/importer.js';
import { parseTutorial as parseColumns, tutorialImporter } from '../../src/importers/tutorial/index.js';
import { withStepObjects } from '../../src/importers/unit-objects.js';
import type { FlowNode, StepNode } from '../../src/model/graph.js';
import { generateTutorialOrg } from './tutorial-fixture.js';

/** The unit as objects: what these tests read (the columns themselves are read in the last tests). */
const parseTutorial = (input: InputFile) => withStepObjects(parseColumns(input));

const file = (text: string, path = 'org.json') => ({ path, text });
const json = (value: unknown) => file(JSON.stringify(value));

const menuFlow = {
  id: 'ivr',
  name: 'Main IVR',
  type: 'inboundcall',
  version: '2.0',
  metadata: { status: 'Published' },
  definition: {
    nodes: {
      welcome: { type: 'playAudio', name: 'Welcome' },
      menu: { type: 'menu', name: 'Main menu' },
      billing: { type: 'task', name: 'Billing' },
    },
    transitions: [
      { id: 't1', from: 'welcome', to: 'menu', condition: 'always' },
      { id: 't2', from: 'menu', to: 'billing', condition: 'digit_1' },
      { id: 't3', from: 'menu', to: 'menu', condition: 'repeat' },
      { id: 't4', from: 'billing', to: 'billing-module', condition: 'success' },
    ],
  },
};

describe('[U] tutorial importer', () => {
  it('detects the array, { flows } and { entities } shapes, and not other JSON', () => {
    expect(tutorialImporter.detect(json([menuFlow]))).toBe(true);
    expect(tutorialImporter.detect(json({ flows: [menuFlow] }))).toBe(true);
    expect(tutorialImporter.detect(json({ entities: [menuFlow] }))).toBe(true);
    expect(tutorialImporter.detect(json({ entities: [{ id: 'x', name: 'a real /flows listing' }] }))).toBe(false);
    expect(tutorialImporter.detect({ path: 'org.yaml', text: JSON.stringify([menuFlow]) })).toBe(false);
    expect(tutorialImporter.detect(file('{ not json'))).toBe(false);
  });

  it('turns a flow into a flow node, steps, labelled transitions, an entry edge and a cross-flow reference', () => {
    const unit = parseTutorial(json([menuFlow]));
    expect(unit.issues).toEqual([]);
    const flow = unit.nodes.find((node): node is FlowNode => node.kind === 'flow');
    expect(flow).toMatchObject({
      id: 'ivr',
      name: 'Main IVR',
      type: 'INBOUNDCALL',
      version: '2.0',
      declaredStatus: 'Published',
      state: 'published',
    });
    const steps = unit.nodes.filter((node): node is StepNode => node.kind === 'step');
    expect(steps.map((step) => [step.id, step.type, step.name])).toEqual([
      ['ivr:welcome', 'playAudio', 'Welcome'],
      ['ivr:menu', 'menu', 'Main menu'],
      ['ivr:billing', 'task', 'Billing'],
    ]);
    expect(unit.edges).toContainEqual({ source: 'ivr:menu', target: 'ivr:menu', kind: 'transition', label: 'repeat' });
    // No start-typed node: the entry is the first node nothing enters.
    expect(unit.edges).toContainEqual({ source: 'ivr', target: 'ivr:welcome', kind: 'contains' });
    expect(unit.references).toEqual([
      expect.objectContaining({
        from: 'ivr:billing',
        via: 'transition',
        target: { kind: 'flow', id: 'billing-module', types: [] },
        field: '[0].definition.transitions[3].to',
        mustResolve: true,
      }),
    ]);
  });

  it('prefers a start-typed node as the entry and maps types and statuses', () => {
    const flow = {
      id: 'f',
      name: 'F',
      type: 'Common_Module',
      version: 1,
      metadata: { status: 'draft' },
      definition: { nodes: { a: { type: 'task', name: 'A' }, s: { type: 'Start', name: 'S' } }, transitions: [{ from: 's', to: 'a' }] },
    };
    const unit = parseTutorial(json({ flows: [flow, { ...flow, id: 'g', type: 'teleporter' }] }));
    expect(unit.edges).toContainEqual({ source: 'f', target: 'f:s', kind: 'contains' });
    expect(unit.nodes[0]).toMatchObject({ type: 'COMMONMODULE', state: 'unpublished', version: '1' });
    expect(unit.nodes.find((node) => node.id === 'g')).toMatchObject({ type: 'UNKNOWN' });
    expect(unit.issues).toEqual([
      {
        file: 'org.json',
        flow: 'F',
        field: 'flows[1].type',
        message: 'unknown flow type "teleporter": shown as UNKNOWN',
        severity: 'warning',
      },
    ]);
  });

  it('skips a flow without an id with one issue naming file, flow and field; the others import', () => {
    const { id: _id, ...noId } = menuFlow;
    const unit = parseTutorial(json([menuFlow, noId, { ...menuFlow, id: 'ivr2', definition: { nodes: 'oops' } }]));
    expect(unit.nodes.filter((node) => node.kind === 'flow').map((node) => node.id)).toEqual(['ivr']);
    expect(unit.issues).toHaveLength(2);
    expect(unit.issues[0]).toMatchObject({ file: 'org.json', flow: 'Main IVR', field: '[1].id', severity: 'error' });
    expect(unit.issues[1]).toMatchObject({ flow: 'Main IVR', field: '[2].definition.nodes', severity: 'error' });
    expect(unit.issues[1]?.message).toContain('expected an object of nodes');
  });

  it('reports dangling and malformed transitions, wrong-typed fields and duplicate ids, keeping the rest', () => {
    const flow = {
      id: 'f',
      name: 'F',
      version: '1',
      metadata: { status: 'published' },
      definition: {
        nodes: [
          { id: 'a', type: 'start', name: 'A' },
          { id: 'b', type: 7, name: 'B' },
          { id: 'a', type: 'task', name: 'A again' },
        ],
        transitions: [{ from: 'a', to: 'b' }, { from: 'ghost', to: 'a' }, { from: 'a' }, 'nope'],
      },
    };
    const unit = parseTutorial(json([flow, flow]));
    const summary = unit.issues.map((issue) => `${issue.severity} ${issue.field}: ${issue.message}`);
    expect(summary).toEqual([
      'warning [0].definition.nodes[1].type: expected a string, got number',
      'error [0].definition.nodes[2]: duplicate node id "a": the first one is kept',
      'error [0].definition.transitions[1].from: dangling transition: "ghost" is not a node of this flow',
      'error [0].definition.transitions[2].to: expected a non-empty node id',
      'error [0].definition.transitions[3]: expected a transition object with from and to',
      'error [1].id: duplicate flow id "f": the first one is kept',
    ]);
    expect(unit.nodes.map((node) => node.id)).toEqual(['f', 'f:a', 'f:b']);
    expect(unit.edges).toContainEqual({ source: 'f:a', target: 'f:b', kind: 'transition' });
  });

  it('reports invalid JSON with its line and column, and a wrong top level', () => {
    expect(parseTutorial(file('[\n  {"id": "a",\n   }\n]')).issues[0]?.message).toMatch(/^invalid JSON at line 3, column 4/);
    expect(parseTutorial(file('')).issues[0]?.message).toMatch(/^invalid JSON at line 1, column 1/);
    expect(parseTutorial(json({ hello: 1 })).issues[0]?.message).toContain('expected a JSON array of flows');
    expect(parseTutorial(json([])).issues).toEqual([{ file: 'org.json', message: 'the file lists no flows', severity: 'warning' }]);
  });

  it('imports a generated ~50 MB file (1,600 flows x 250 steps) without a crash', () => {
    const text = generateTutorialOrg(1600, 250);
    expect(text.length).toBeGreaterThan(48_000_000);
    const unit = parseColumns(file(text, 'big.json'));
    expect(unit.issues).toEqual([]);
    // Flows as objects, their steps and transitions as columns.
    expect(unit.nodes).toHaveLength(1600);
    expect(unit.flowSteps?.reduce((steps, flow) => steps + flow.size, 0)).toBe(1600 * 250);
    expect(unit.references).toHaveLength(1600);
    expect(unit.flowSteps?.reduce((edges, flow) => edges + flow.edgeCount, 0)).toBeGreaterThan(1600 * 300);
    expect(unit.edges).toEqual([]);
  });

  it("holds each flow's steps as columns: positions, names, types, transitions by position, the entry", () => {
    const unit = parseColumns(json([menuFlow]));
    expect(unit.nodes.map((node) => node.id)).toEqual([menuFlow.id]);
    const [steps] = unit.flowSteps ?? [];
    expect(steps?.flowId).toBe(menuFlow.id);
    const objects = withStepObjects(unit);
    const stepNodes = objects.nodes.filter((node): node is StepNode => node.kind === 'step');
    expect(steps?.stepIds).toEqual(stepNodes.map((node) => node.stepId));
    expect(stepNodes.map((_, position) => steps?.name(position))).toEqual(stepNodes.map((node) => node.name));
    expect(steps?.types).toEqual(stepNodes.map((node) => node.type));
    const transitions = objects.edges.filter((edge) => edge.kind === 'transition');
    const pairs = [...(steps?.from.subarray(0, steps.transitionCount) ?? [])];
    expect(pairs.map((position, t) => [steps?.nodeId(position), steps?.nodeId(steps.to[t] as number), steps?.labels[t]])).toEqual(
      transitions.map((edge) => [edge.source, edge.target, edge.label]),
    );
    const contains = objects.edges.find((edge) => edge.kind === 'contains');
    expect(steps && steps.entry >= 0 ? steps.nodeId(steps.entry) : undefined).toBe(contains?.target);
    expect(steps?.positionOf(steps.stepIds[1] as string)).toBe(1);
    expect(steps?.positionOf('no such step')).toBe(-1);
  });

  it('answers a step id with its position however many times it is looked up (scanned first, then from a map)', () => {
    const [steps] = parseColumns(json([menuFlow])).flowSteps ?? [];
    const ids = steps?.stepIds ?? [];
    expect(ids.length).toBeGreaterThan(1);
    // Enough rounds to pass from the scans to the map the lookups are answered from after them.
    for (let round = 0; round < 6; round++) {
      expect(ids.map((id) => steps?.positionOf(id))).toEqual(ids.map((_, position) => position));
      expect(steps?.positionOf('no such step')).toBe(-1);
    }
  });
});
