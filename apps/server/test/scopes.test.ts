import { spawnSync } from 'node:child_process';
import {
  AnalysisContext,
  type CycleFocus,
  cycleFocusSchema,
  type Focus,
  flowStepGraph,
  focusSchema,
  type Paths,
  pathsSchema,
} from '@flowgraph/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepGraph } from '../src/org/graph-source.js';
import { type RunningServer, startServer } from '../src/server.js';
import { FakeSource, fixtureGraph } from './fake-source.js';

interface ErrorBody {
  error: { code: string; message: string };
}

/** A crawl that, like the real one, holds flows and resources only: steps are fetched per flow. */
class OrgOnlySource extends FakeSource {
  override async flowSteps(flowId: string): Promise<StepGraph> {
    this.stepFetches++;
    return { graph: flowStepGraph(fixtureGraph(), flowId), issues: [] };
  }
}

describe('[I] scoped views: /api/focus, /api/path, /api/cycles/:member/focus, scoped /api/export', () => {
  const source = new OrgOnlySource();
  let server: RunningServer;
  const get = (path: string) => fetch(`${server.url}${path}`);
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status, `${path}: ${response.status}`).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startServer({ source, now: () => 0, heartbeatMs: 50 });
    source.completeCrawl(new AnalysisContext(fixtureGraph()).org.graph);
  });
  afterAll(async () => {
    await server.close();
  });

  it('focuses a node with depth, direction and filters, as core computes it', async () => {
    const body = await json<Focus>('/api/focus?node=module&depth=1');
    expect(body.nodes.map((node) => `${node.id} ${node.side} ${node.depth}`)).toEqual([
      'action down 1',
      'main up 1',
      'module self 0',
      'other up 1',
    ]);
    expect(body).toMatchObject({ kind: 'focus', level: 'org', depth: 1, direction: 'both', fileStem: 'flow-module.both-1' });
    const down = await json<Focus>('/api/focus?node=main&direction=down&depth=all&flowsOnly=true');
    expect(down.nodes.map((node) => node.id)).toEqual(['main', 'module']);
    expect(down.hidden).toEqual([{ kind: 'resource', type: 'DATAACTION', count: 1 }]);
    const collapsed = await json<Focus>('/api/focus?node=module&collapse=dataaction&kinds=flow,resource&types=');
    expect(collapsed.nodes.map((node) => node.id)).toContain('collapsed:DATAACTION');
  });

  it('focuses a step in its flow step graph, fetched once', async () => {
    const before = source.stepFetches;
    const body = await json<Focus>('/api/focus?node=main:menu&depth=1');
    expect(body.level).toBe('steps');
    expect(body.nodes.map((node) => node.id)).toEqual(['main', 'main:call', 'main:menu', 'main:retry']);
    await json<Focus>('/api/focus?node=main:retry&depth=1&flow=main');
    expect(source.stepFetches).toBe(before + 1);
    expect((await get('/api/focus?node=main:nope')).status).toBe(404);
  });

  it('rejects bad focus parameters with a 400 naming them, and unknown nodes with a 404', async () => {
    for (const [query, name] of [
      ['node=module&depth=0', 'depth'],
      ['node=module&depth=two', 'depth'],
      ['node=module&direction=sideways', 'direction'],
      ['node=module&kinds=flow,banana', 'kinds'],
      ['node=module&flowsOnly=maybe', 'flowsOnly'],
      ['node=module&colour=red', 'colour'],
      ['depth=1', 'node'],
    ] as const) {
      const response = await get(`/api/focus?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as ErrorBody).error.message).toContain(name);
    }
    expect((await get('/api/focus?node=nope')).status).toBe(404);
  });

  it('answers in the contract the SPA parses (core contract/scope.ts)', async () => {
    for (const path of [
      '/api/focus?node=module&depth=all',
      '/api/focus?node=main:menu&depth=1',
      '/api/focus?node=module&collapse=DATAACTION',
    ]) {
      expect(focusSchema.safeParse(await json(path)).error, path).toBeUndefined();
    }
    for (const path of ['/api/cycles/loop-b/focus', '/api/cycles/main:menu/focus']) {
      expect(cycleFocusSchema.safeParse(await json(path)).error, path).toBeUndefined();
    }
    for (const path of ['/api/path?from=main&to=action', '/api/path?from=action&to=main&all=true']) {
      expect(pathsSchema.safeParse(await json(path)).error, path).toBeUndefined();
    }
  });

  it('finds paths with the via of each hop', async () => {
    const body = await json<Paths>('/api/path?from=main&to=action');
    expect(body.paths.map((path) => path.nodes)).toEqual([['main', 'module', 'action']]);
    expect(body.paths[0]?.hops.map((hop) => hop.via)).toEqual(['callCommonModule', 'callData']);
    const none = await json<Paths>('/api/path?from=action&to=main&all=true&limit=3');
    expect(none).toMatchObject({ shortest: null, paths: [], mode: 'simple' });
    expect((await get('/api/path?from=main&to=action&limit=0')).status).toBe(400);
    expect((await get('/api/path?from=main&to=nope')).status).toBe(404);
  });

  it('focuses an org cycle by any member, and a loop inside a flow', async () => {
    const org = await json<CycleFocus>('/api/cycles/loop-b/focus');
    expect(org.cycle.members).toEqual(['loop-a', 'loop-b']);
    expect(org.cut.reason).toMatch(/breaks every cycle/);
    expect(org.edges.filter((edge) => edge.cut)).toHaveLength(1);
    const loop = await json<CycleFocus>('/api/cycles/main:menu/focus');
    expect(loop).toMatchObject({ level: 'steps', flowId: 'main' });
    expect(loop.cycle.members).toEqual(['main:menu', 'main:retry']);
    const byFlow = await json<CycleFocus>('/api/cycles/main/focus');
    expect(byFlow.cycle.members).toEqual(['main:menu', 'main:retry']);
    const none = await get('/api/cycles/action/focus');
    expect(none.status).toBe(404);
    expect(((await none.json()) as ErrorBody).error.message).toContain('in no cycle');
  });

  it('exports exactly a scope under the file name core gives it', async () => {
    const cases = [
      ['format=dot&focus=module&depth=1&direction=down', 'flow-module.down-1.dot', /^digraph scope/],
      ['format=mermaid&cycle=loop-a', 'cycle.flow-loop-a.mmd', /^flowchart LR/],
      ['format=json&from=main&to=action', 'path.flow-main.to.resource-action.json', /"kind": "path"/],
      ['format=dot', 'flowgraph.dot', /^digraph flowgraph/],
    ] as const;
    for (const [query, file, start] of cases) {
      const response = await get(`/api/export?${query}`);
      expect(response.status, query).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      expect(await response.text()).toMatch(start);
    }
    const focused = await (await get('/api/export?format=dot&focus=module&depth=1&direction=down')).text();
    expect(focused).toContain('"module" -> "action"');
    expect(focused).not.toContain('"main"');
    const rendered = spawnSync('/usr/bin/dot', ['-Tsvg'], { input: focused, encoding: 'utf8' });
    expect(rendered).toMatchObject({ status: 0, stderr: '' });
    expect(rendered.stdout.match(/class="node"/g)).toHaveLength(2);
    for (const query of ['focus=module&cycle=loop-a', 'from=main', 'focus=module&from=main&to=action']) {
      expect((await get(`/api/export?format=dot&${query}`)).status, query).toBe(400);
    }
  });
});
