import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingKey } from '../../src/analysis/findings/identity.js';
import { diffGraphs } from '../../src/diff/diff-graphs.js';
import type { FlowGraph, GraphEdge, GraphNode, PublishState } from '../../src/model/graph.js';
import { flow, graphOf, resource, step, transition, uses } from '../analysis/builders.js';
import { componentsOf, distances } from '../analysis/oracles.js';

describe('[U] diffGraphs', () => {
  const base = graphOf(
    [flow('main', { type: 'INBOUNDCALL' }), flow('billing'), flow('old'), resource('table'), resource('queue')],
    [uses('main', 'billing'), uses('billing', 'table'), uses('main', 'old')],
  );

  it('lists flows added, removed and changed with what changed, and org edges added and removed', () => {
    const next = graphOf(
      [
        flow('main', { type: 'INBOUNDCALL' }),
        flow('billing', { versions: { published: '2.0' } }),
        flow('payments'),
        resource('table'),
        resource('queue', { state: 'deleted' }),
        step('billing', 's1'),
      ],
      [uses('main', 'billing'), uses('billing:s1', 'payments', 'callCommonModule'), uses('billing', 'table')],
    );
    const diff = diffGraphs(base, next);
    expect(diff.flows.added).toEqual(['payments']);
    expect(diff.flows.removed).toEqual(['old']);
    const billing = diff.flows.changed.find((change) => change.id === 'billing');
    expect(billing?.changes).toEqual([
      { kind: 'property', property: 'publishedVersion', after: '2.0' },
      { kind: 'uses', added: ['payments'], removed: [] },
      { kind: 'steps', added: ['s1'], removed: [], changed: [] },
    ]);
    // main's uses set lost "old": it changed too.
    expect(diff.flows.changed.map((change) => change.id)).toEqual(['billing', 'main']);
    expect(diff.resources.changed).toEqual([
      { id: 'queue', name: 'Resource queue', changes: [{ kind: 'property', property: 'state', before: 'published', after: 'deleted' }] },
    ]);
    expect(diff.edges.added).toEqual([{ source: 'billing', target: 'payments', via: 'callCommonModule' }]);
    expect(diff.edges.removed).toEqual([{ source: 'main', target: 'old' }]);
    expect(diff.nodes.payments).toMatchObject({ name: 'Flow payments', kind: 'flow', side: 'new' });
    expect(diff.nodes.old).toMatchObject({ side: 'old' });
  });

  it('finds the entry flows a change reaches, with the path through the callers', () => {
    const next = graphOf(
      [flow('main', { type: 'INBOUNDCALL' }), flow('billing'), flow('old'), resource('table', { state: 'deleted' }), resource('queue')],
      [uses('main', 'billing'), uses('billing', 'table'), uses('main', 'old')],
    );
    const diff = diffGraphs(base, next);
    expect(diff.impact.changed).toEqual(['table']);
    expect(diff.impact.nodes).toEqual(['billing', 'main']);
    expect(diff.impact.entryFlows).toEqual([{ id: 'main', path: ['main', 'billing', 'table'] }]);
  });

  it("counts a removed flow's old callers in the blast radius", () => {
    const next = graphOf(
      [flow('main', { type: 'INBOUNDCALL' }), flow('billing'), resource('table'), resource('queue')],
      [uses('billing', 'table')],
    );
    const diff = diffGraphs(base, next);
    expect(diff.flows.removed).toEqual(['old']);
    expect(diff.impact.entryFlows.map((entry) => entry.id)).toEqual(['main']);
  });

  it('reports cycles and findings introduced and resolved', () => {
    const cyclic = graphOf([flow('a'), flow('b'), flow('c')], [uses('a', 'b'), uses('b', 'a'), uses('b', 'c')]);
    const grown = graphOf([flow('a'), flow('b'), flow('c')], [uses('a', 'b'), uses('b', 'c'), uses('c', 'a')]);
    const diff = diffGraphs(cyclic, grown);
    expect(diff.cycles.introduced.map((cycle) => cycle.members)).toEqual([['a', 'b', 'c']]);
    expect(diff.cycles.resolved.map((cycle) => cycle.members)).toEqual([['a', 'b']]);
    expect(diff.findings.introduced.map((finding) => finding.code)).toEqual(['org-cycle']);
    expect(diff.findings.resolved.map((finding) => finding.code)).toEqual(['org-cycle']);
    expect(diff.summary.introducesErrors).toBe(true);
    expect(diffGraphs(cyclic, cyclic).summary.introducesErrors).toBe(false);
  });

  it('compares flow loops by their steps', () => {
    const looped = graphOf([flow('a'), step('a', '1'), step('a', '2')], [transition('a:1', 'a:2'), transition('a:2', 'a:1')]);
    const straight = graphOf([flow('a'), step('a', '1'), step('a', '2')], [transition('a:1', 'a:2')]);
    const diff = diffGraphs(straight, looped);
    expect(diff.cycles.introduced).toMatchObject([{ scope: 'flow', members: ['a:1', 'a:2'] }]);
    expect(diff.flows.changed).toEqual([{ id: 'a', name: 'Flow a', changes: [{ kind: 'steps', added: [], removed: [], changed: ['2'] }] }]);
  });

  it('plans publishing: changed flows and what the target lacks, dependencies first', () => {
    const prod = graphOf([flow('main'), flow('lib'), resource('table')], [uses('main', 'lib'), uses('lib', 'table')]);
    const dev = graphOf(
      [
        flow('main', { versions: { published: '3.0' } }),
        flow('lib'),
        flow('newModule'),
        resource('table'),
        resource('newAction', { type: 'DATAACTION' }),
        flow('unrelated'),
      ],
      [uses('main', 'lib'), uses('lib', 'table'), uses('main', 'newModule'), uses('newModule', 'newAction'), uses('newModule', 'lib')],
    );
    const diff = diffGraphs(prod, dev);
    // lib and table are in prod already; "unrelated" is added and nothing needs it, but it is a change to publish too.
    expect(diff.publishOrder).toEqual([['newAction', 'unrelated'], ['newModule'], ['main']]);
    expect(diff.publishGroups).toEqual([]);
  });

  it('matches flows of two orgs by type and name when their ids differ', () => {
    const prod = graphOf(
      [flow('p-main', { name: 'Main', type: 'INBOUNDCALL' }), flow('p-lib', { name: 'Lib' }), step('p-main', 's')],
      [uses('p-main:s', 'p-lib')],
    );
    const dev = graphOf(
      [
        flow('d-main', { name: 'main ', type: 'INBOUNDCALL' }),
        flow('d-lib', { name: 'Lib' }),
        flow('d-extra', { name: 'Extra' }),
        step('d-main', 's'),
      ],
      [uses('d-main:s', 'd-lib'), uses('d-main:s', 'd-extra')],
    );
    const diff = diffGraphs(prod, dev);
    expect(diff.matchedByName).toEqual([
      { old: 'p-lib', new: 'd-lib' },
      { old: 'p-main', new: 'd-main' },
    ]);
    expect(diff.flows.added).toEqual(['d-extra']);
    expect(diff.flows.removed).toEqual([]);
    expect(diff.edges.added).toEqual([{ source: 'p-main', target: 'd-extra' }]);
    expect(diff.flows.changed.map((change) => change.id)).toEqual(['p-main']);
    expect(diffGraphs(prod, dev, { matchByName: false }).flows.removed).toEqual(['p-lib', 'p-main']);
  });
});

// ---- Property test: random pairs of org graphs over one id space, against set differences. ----

const STATES: PublishState[] = ['published', 'unpublished', 'deleted'];
const FLOWS = 6;
const RESOURCES = 3;
const ids = [...Array.from({ length: FLOWS }, (_, i) => `f${i}`), ...Array.from({ length: RESOURCES }, (_, i) => `r${i}`)];

interface SideSpec {
  present: boolean[];
  states: number[];
  /** [source flow, target id index, from a step of the source] */
  uses: Array<[number, number, boolean]>;
}

const sideSpec: fc.Arbitrary<SideSpec> = fc.record({
  present: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
  states: fc.array(fc.integer({ min: 0, max: STATES.length - 1 }), { minLength: ids.length, maxLength: ids.length }),
  uses: fc.array(fc.tuple(fc.integer({ min: 0, max: FLOWS - 1 }), fc.integer({ min: 0, max: ids.length - 1 }), fc.boolean()), {
    maxLength: 16,
  }),
});

function build(spec: SideSpec): FlowGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  ids.forEach((id, i) => {
    if (!spec.present[i]) return;
    const state = STATES[spec.states[i] as number] as PublishState;
    nodes.set(id, id.startsWith('f') ? flow(id, { state }) : resource(id, { state }));
  });
  for (const [source, target, fromStep] of spec.uses) {
    const sourceId = ids[source] as string;
    const targetId = ids[target] as string;
    // Only a present object has uses: linking never gives a missing placeholder edges of its own.
    if (!spec.present[source]) continue;
    // A reference to an absent object leaves a placeholder, as linking does.
    if (!nodes.has(targetId))
      nodes.set(targetId, targetId.startsWith('f') ? flow(targetId, { state: 'missing' }) : resource(targetId, { state: 'missing' }));
    const stepId = `${sourceId}:s`;
    if (fromStep && !nodes.has(stepId)) nodes.set(stepId, step(sourceId, 's'));
    edges.push(uses(fromStep ? stepId : sourceId, targetId));
  }
  return { nodes, edges };
}

const defined = (graph: FlowGraph, id: string) => graph.nodes.has(id) && graph.nodes.get(id)?.state !== 'missing';

/** The org edges a brute-force reader sees: a step's use lifted to its flow, a step's use of its own flow dropped. */
function orgPairs(graph: FlowGraph): Set<string> {
  const pairs = new Set<string>();
  for (const edge of graph.edges) {
    const source = edge.source.includes(':') ? (edge.source.split(':')[0] as string) : edge.source;
    if (source === edge.target && source !== edge.source) continue;
    pairs.add(`${source}>${edge.target}`);
  }
  return pairs;
}

function minus<T>(a: Iterable<T>, b: ReadonlySet<T>): T[] {
  return [...a].filter((x) => !b.has(x)).sort();
}

/** Org cycles by mutual reachability (Floyd-Warshall): components with several members or a self-loop. */
function cycleSets(graph: FlowGraph): Set<string> {
  const orgIds = [...graph.nodes.keys()].filter((id) => !id.includes(':'));
  const position = new Map(orgIds.map((id, i) => [id, i]));
  const pairs = [...orgPairs(graph)].map((pair) => pair.split('>').map((id) => position.get(id) as number) as [number, number]);
  const components = componentsOf(distances(orgIds.length, pairs));
  const cycles = new Set<string>();
  for (const members of components) {
    const selfLoop = members.length === 1 && pairs.some(([a, b]) => a === members[0] && b === a);
    if (members.length > 1 || selfLoop)
      cycles.add(
        members
          .map((i) => orgIds[i])
          .sort()
          .join(','),
      );
  }
  return cycles;
}

/** Ids from which `target` is reachable along org edges (itself included). */
function reachersOf(pairs: ReadonlySet<string>, targets: readonly string[]): Set<string> {
  const reached = new Set(targets);
  let grew = true;
  while (grew) {
    grew = false;
    for (const pair of pairs) {
      const [a, b] = pair.split('>') as [string, string];
      if (reached.has(b) && !reached.has(a)) {
        reached.add(a);
        grew = true;
      }
    }
  }
  return reached;
}

describe('[U] diffGraphs properties', () => {
  it('agrees with set differences of nodes, edges, cycles and findings, and with brute-force reachability', () => {
    fc.assert(
      fc.property(sideSpec, sideSpec, (oldSpec, newSpec) => {
        const before = build(oldSpec);
        const after = build(newSpec);
        const diff = diffGraphs(before, after);

        for (const kind of ['f', 'r'] as const) {
          const oldIds = new Set(ids.filter((id) => id.startsWith(kind) && defined(before, id)));
          const newIds = new Set(ids.filter((id) => id.startsWith(kind) && defined(after, id)));
          const set = kind === 'f' ? diff.flows : diff.resources;
          expect(set.added).toEqual(minus(newIds, oldIds));
          expect(set.removed).toEqual(minus(oldIds, newIds));
          for (const id of set.changed.map((changed) => changed.id)) expect(oldIds.has(id) && newIds.has(id)).toBe(true);
        }
        // A flow on both sides whose state, org-level uses or step (its step's uses included: a step's
        // signature holds its edges) differ is changed, and one whose do not is not.
        const stepUses = (graph: FlowGraph, id: string) =>
          graph.edges
            .filter((edge) => edge.source === `${id}:s`)
            .map((edge) => edge.target)
            .sort()
            .join(' ');
        const oldPairs = orgPairs(before);
        const newPairs = orgPairs(after);
        const usesOf = (pairs: ReadonlySet<string>, id: string) =>
          [...pairs]
            .filter((pair) => pair.startsWith(`${id}>`))
            .sort()
            .join(' ');
        const changedIds = new Set([...diff.flows.changed, ...diff.resources.changed].map((changed) => changed.id));
        for (const id of ids) {
          if (!defined(before, id) || !defined(after, id)) continue;
          const differs =
            before.nodes.get(id)?.state !== after.nodes.get(id)?.state ||
            usesOf(oldPairs, id) !== usesOf(newPairs, id) ||
            before.nodes.has(`${id}:s`) !== after.nodes.has(`${id}:s`) ||
            stepUses(before, id) !== stepUses(after, id);
          expect(changedIds.has(id)).toBe(differs);
        }

        const key = (edge: { source: string; target: string }) => `${edge.source}>${edge.target}`;
        expect(diff.edges.added.map(key).sort()).toEqual(minus(newPairs, oldPairs));
        expect(diff.edges.removed.map(key).sort()).toEqual(minus(oldPairs, newPairs));

        const oldCycles = cycleSets(before);
        const newCycles = cycleSets(after);
        const orgCycles = (list: typeof diff.cycles.introduced) =>
          list
            .filter((c) => c.scope === 'org')
            .map((c) => c.members.join(','))
            .sort();
        expect(orgCycles(diff.cycles.introduced)).toEqual(minus(newCycles, oldCycles));
        expect(orgCycles(diff.cycles.resolved)).toEqual(minus(oldCycles, newCycles));
        // Every introduced org cycle is also an introduced org-cycle finding, and the other way round.
        expect(
          diff.findings.introduced
            .filter((f) => f.code === 'org-cycle')
            .map((f) => (f.related ?? []).join(','))
            .sort(),
        ).toEqual(minus(newCycles, oldCycles));
        for (const finding of diff.findings.introduced) expect(diff.findings.resolved.map(findingKey)).not.toContain(findingKey(finding));

        // Impact: everything that reaches a change in the new graph or, for a removal, in the old one.
        const removed = [...diff.flows.removed, ...diff.resources.removed];
        const changed = [...diff.impact.changed];
        const expected = new Set([...reachersOf(newPairs, changed)].filter((id) => after.nodes.has(id) || removed.includes(id)));
        for (const id of reachersOf(new Set([...oldPairs].filter((pair) => removed.includes(pair.split('>')[1] as string))), removed))
          expected.add(id);
        for (const id of changed) expected.delete(id);
        expect(diff.impact.nodes).toEqual([...expected].sort());

        // Publish order: every publishable change once, each dependency in the set no later than its user.
        const wave = new Map<string, number>();
        diff.publishOrder.forEach((ids, level) => {
          for (const id of ids) {
            expect(wave.has(id)).toBe(false);
            wave.set(id, level);
          }
        });
        for (const id of [
          ...diff.flows.added,
          ...diff.resources.added,
          ...diff.flows.changed.map((c) => c.id),
          ...diff.resources.changed.map((c) => c.id),
        ]) {
          expect(wave.has(id)).toBe(after.nodes.get(id)?.state !== 'deleted');
        }
        for (const id of wave.keys())
          if (!changedIds.has(id) && !diff.flows.added.includes(id) && !diff.resources.added.includes(id))
            expect(defined(before, id)).toBe(false);
        for (const pair of newPairs) {
          const [a, b] = pair.split('>') as [string, string];
          if (wave.has(a) && wave.has(b)) expect(wave.get(b) as number).toBeLessThanOrEqual(wave.get(a) as number);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing between a graph and itself', () => {
    fc.assert(
      fc.property(sideSpec, (spec) => {
        const diff = diffGraphs(build(spec), build(spec));
        expect(diff.summary).toMatchObject({
          flowsAdded: 0,
          flowsRemoved: 0,
          flowsChanged: 0,
          edgesAdded: 0,
          edgesRemoved: 0,
          cyclesIntroduced: 0,
          findingsIntroduced: 0,
        });
        expect(diff.publishOrder).toEqual([]);
        expect(diff.impact.nodes).toEqual([]);
      }),
    );
  });
});
