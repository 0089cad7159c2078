import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SnapshotFetchError } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { assessCrawl, failedFlowIds } from '../src/index.js';

const DEPENDENCIES = 'GET /api/v2/architect/dependencytracking/consumedresources';

function snapshotOf(flowCount: number, errors: SnapshotFetchError[]): Snapshot {
  const flows = Array.from({ length: flowCount }, (_, index) => ({ id: `f${index}`, name: `Flow ${index}`, type: 'INBOUNDCALL' }));
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    source: { kind: 'demo', baseUrl: 'http://127.0.0.1:1' },
    fetchedAt: '2026-01-01T00:00:00.000Z',
    flows,
    consumedResources: {},
    errors,
  };
}

const failedFlow = (index: number): SnapshotFetchError => ({
  flowId: `f${index}`,
  request: DEPENDENCIES,
  status: 503,
  message: 'down',
  attempts: 4,
});

describe('[U] assessCrawl', () => {
  it('accepts up to 2% failed flows and refuses more', () => {
    expect(assessCrawl(snapshotOf(100, [failedFlow(1), failedFlow(2)]))).toEqual({
      complete: true,
      listingFailures: 0,
      failedFlows: 2,
      listedFlows: 100,
    });
    const three = assessCrawl(snapshotOf(100, [failedFlow(1), failedFlow(2), failedFlow(3)]));
    expect(three.complete).toBe(false);
    expect(three.reason).toBe('the dependencies of 3 of 100 flows could not be fetched (more than 2%)');
    expect(assessCrawl(snapshotOf(100, [failedFlow(1)]), 0).complete).toBe(false);
  });

  it('refuses any failed page of the flow listing', () => {
    const listing: SnapshotFetchError = { request: 'GET /api/v2/flows?pageNumber=2&pageSize=500', message: 'down', attempts: 4 };
    const result = assessCrawl(snapshotOf(1000, [listing]));
    expect(result).toMatchObject({ complete: false, listingFailures: 1, failedFlows: 0 });
    expect(result.reason).toContain('flow listing failed');
  });

  it('counts failed requests once per flow, and not flows no request was made for', () => {
    const untracked: SnapshotFetchError = {
      flowId: 'f5',
      request: DEPENDENCIES,
      message: 'Flow type "NEWKIND" has no dependency-tracking object type',
    };
    const refused: SnapshotFetchError = { flowId: 'f6', request: DEPENDENCIES, message: 'not sent: unreachable', attempts: 0 };
    const snapshot = snapshotOf(10, [failedFlow(1), { ...failedFlow(1), request: `${DEPENDENCIES}?pageNumber=2` }, untracked, refused]);
    expect([...failedFlowIds(snapshot)].sort()).toEqual(['f1', 'f6']);
  });
});
