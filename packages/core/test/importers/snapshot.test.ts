import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseSnapshot, snapshotImporter, viaOfDependencyType } from '../../src/importers/snapshot/index.js';

const examplePath = join(import.meta.dirname, '../../../../examples/snapshot-org.json');
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as Record<string, unknown>;
const file = (value: unknown) => ({ path: 'org.snapshot.json', text: JSON.stringify(value, null, 2) });

describe('[U] snapshot importer', () => {
  it('detects a snapshot by its format marker', () => {
    expect(snapshotImporter.detect(file(example))).toBe(true);
    expect(snapshotImporter.detect(file({ ...example, format: 'something-else' }))).toBe(false);
    expect(snapshotImporter.detect(file([{ id: 'x' }]))).toBe(false);
    // The crawl hands its snapshot over under a `live:`/`demo:` name, not a .json path.
    expect(snapshotImporter.detect({ path: 'demo:org', text: JSON.stringify(example) })).toBe(true);
    // A snapshot whose `format` key comes late is still recognised.
    const { format, ...rest } = example;
    expect(snapshotImporter.detect({ path: 'late.json', text: JSON.stringify({ ...rest, padding: 'x'.repeat(5000), format }) })).toBe(true);
    // ... also when it comes late with its value written in \u escapes, or after leading space.
    const escaped = JSON.stringify({ ...rest, padding: 'x'.repeat(5000), format: 'FORMAT' }).replace(
      '"FORMAT"',
      '"flowgraph-snaps\\u0068ot"',
    );
    expect(snapshotImporter.detect({ path: 'escaped.json', text: escaped })).toBe(true);
    expect(snapshotImporter.detect({ path: 'spaced.json', text: `\n \t${JSON.stringify(example)}` })).toBe(true);
  });

  it('rejects JSON that cannot be a snapshot without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      // Not an object at the top level.
      expect(snapshotImporter.detect({ path: 'flows.json', text: ` [${JSON.stringify(example)}]` })).toBe(false);
      // An object whose text nowhere holds the format name, written out or escaped.
      const { format: _format, ...rest } = example;
      expect(snapshotImporter.detect({ path: 'other.json', text: JSON.stringify({ ...rest, format: 'flowgraph' }) })).toBe(false);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('makes flow nodes from Genesys Flow entities and references from consumed resources', () => {
    const unit = parseSnapshot(file(example));
    expect(unit.issues).toEqual([]);
    const flows = Object.fromEntries(unit.nodes.map((node) => [node.name, node]));
    expect(flows['Main Inbound']).toMatchObject({
      kind: 'flow',
      type: 'INBOUNDCALL',
      state: 'published',
      versions: { published: '4.0', saved: '5.0', checkedIn: '4.0' },
      division: 'Home',
      hasOrgId: true,
    });
    expect(flows['Claims Intake']).toMatchObject({ state: 'unpublished', lockedBy: 'Jane Architect', versions: { saved: '1.0' } });
    const fromModule = unit.references.filter((reference) => reference.from === '7b9e2d10-5c3a-4f61-b2a8-3e4d5f6a7b02');
    expect(fromModule.map((reference) => [reference.via, reference.target])).toEqual([
      ['callData', { kind: 'resource', type: 'DATAACTION', id: 'a0000000-0000-4000-8000-000000000001', name: 'Get Customer By Phone' }],
      [
        'callData',
        { kind: 'resource', type: 'DATAACTION', id: 'a0000000-0000-4000-8000-000000000002', name: 'Legacy CRM Lookup', deleted: true },
      ],
      ['dataTableLookup', { kind: 'resource', type: 'DATATABLE', id: 't0000000-0000-4000-8000-000000000001', name: 'VIP Customers' }],
    ]);
    const call = unit.references.find((reference) => reference.via === 'callCommonModule');
    expect(call?.target).toEqual({
      kind: 'flow',
      id: '7b9e2d10-5c3a-4f61-b2a8-3e4d5f6a7b02',
      name: 'Customer Lookup',
      types: ['COMMONMODULE'],
    });
    expect(call?.field).toBe('consumedResources["2f1c7a52-0b7e-4a8e-9a43-1f6f3c0d1a01"].resources[0]');
  });

  it('maps dependency types to readable verbs', () => {
    expect(
      ['INQUEUECALLFLOW', 'INBOUNDCHATFLOW', 'WORKFLOW', 'SCHEDULEGROUP', 'SYSTEMPROMPT', 'BRIDGEACTION'].map(viaOfDependencyType),
    ).toEqual(['overrideInQueueFlow', 'transferToFlow', 'transferToFlow', 'evaluateScheduleGroup', 'playAudio', 'usesBridgeaction']);
  });

  it('imports the good flows around a bad one, warns on an unknown type, and marks deleted flows', () => {
    const flows = example.flows as object[];
    const unit = parseSnapshot(
      file({
        ...example,
        flows: [
          flows[0],
          { id: 'bad', name: 'Broken', type: 42 },
          { id: 'new', name: 'Quantum', type: 'QUANTUMFLOW' },
          { id: 'gone', name: 'Old', type: 'INBOUNDCALL', deleted: true, publishedVersion: { id: '1.0' } },
        ],
      }),
    );
    expect(unit.nodes.map((node) => [node.id, node.kind === 'flow' ? node.type : '', node.state])).toEqual([
      ['2f1c7a52-0b7e-4a8e-9a43-1f6f3c0d1a01', 'INBOUNDCALL', 'published'],
      ['new', 'UNKNOWN', 'unpublished'],
      ['gone', 'INBOUNDCALL', 'deleted'],
    ]);
    expect(unit.issues.map((issue) => [issue.severity, issue.flow, issue.field])).toEqual([
      ['error', 'Broken', 'flows[1].type'],
      ['warning', 'Quantum', 'flows[2].type'],
      // The dependency listings of the two flows that are no longer in the list.
      ['warning', undefined, 'consumedResources["7b9e2d10-5c3a-4f61-b2a8-3e4d5f6a7b02"]'],
      ['warning', undefined, 'consumedResources["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e03"]'],
    ]);
    // The good flow's references survive.
    expect(unit.references.filter((reference) => reference.from === '2f1c7a52-0b7e-4a8e-9a43-1f6f3c0d1a01')).toHaveLength(3);
  });

  it('rejects a snapshot written by a newer Flowgraph with a clear message', () => {
    const unit = parseSnapshot(file({ ...example, version: 2 }));
    expect(unit.nodes).toEqual([]);
    expect(unit.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'version',
        message: expect.stringContaining('written by a newer Flowgraph (snapshot format version 2'),
      }),
    ]);
  });

  it('reports a broken envelope once, naming the field', () => {
    const { fetchedAt: _fetchedAt, ...rest } = example;
    expect(parseSnapshot(file(rest)).issues).toEqual([
      expect.objectContaining({ field: 'fetchedAt', severity: 'error', message: expect.stringContaining('not a valid snapshot') }),
    ]);
  });

  it('adds the steps and step references of a flow configuration (a decoded Architect export)', () => {
    const configPath = join(import.meta.dirname, '../fixtures/flows/callback-offer/Callback Offer.i3InboundFlow.decoded.json');
    const config: unknown = JSON.parse(readFileSync(configPath, 'utf8'));
    const mainId = '2f1c7a52-0b7e-4a8e-9a43-1f6f3c0d1a01';
    const unit = parseSnapshot(file({ ...example, configurations: { [mainId]: config, unlisted: {} } }));
    const steps = unit.nodes.filter((node) => node.kind === 'step');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((step) => step.kind === 'step' && step.flowId === mainId)).toBe(true);
    // Still one flow node per listed flow: the configuration adds only what is inside the flow.
    expect(unit.nodes.filter((node) => node.kind === 'flow')).toHaveLength(3);
    expect(unit.edges).toContainEqual(expect.objectContaining({ source: mainId, kind: 'contains' }));
    expect(unit.issues).toEqual([
      {
        file: 'org.snapshot.json',
        field: 'configurations.unlisted',
        message: 'configuration of flow id "unlisted", which the snapshot does not list: ignored',
        severity: 'warning',
      },
    ]);
  });

  it('turns each fetch error into an error issue naming the flow', () => {
    const unit = parseSnapshot(
      file({
        ...example,
        errors: [
          {
            flowId: 'f1',
            flowName: 'Billing',
            request: 'GET /api/v2/architect/dependencytracking/consumedresources',
            status: 429,
            message: 'rate limited',
            attempts: 5,
          },
          { flowId: 'f2', request: 'GET /api/v2/flows/f2', message: 'socket hang up' },
        ],
      }),
    );
    expect(unit.issues).toEqual([
      {
        file: 'org.snapshot.json',
        flow: 'Billing',
        field: 'errors[0]',
        message: 'fetch failed (HTTP 429) after 5 attempts: GET /api/v2/architect/dependencytracking/consumedresources: rate limited',
        severity: 'error',
      },
      {
        file: 'org.snapshot.json',
        flow: 'f2',
        field: 'errors[1]',
        message: 'fetch failed: GET /api/v2/flows/f2: socket hang up',
        severity: 'error',
      },
    ]);
    expect(unit.nodes).toHaveLength(3);
  });
});
