import type { GenesysDependency, GenesysFlow } from '@flowgraph/core';
import type { Express } from 'express';

const TYPES = ['INBOUNDCALL', 'COMMONMODULE', 'INQUEUECALL', 'WORKFLOW', 'INBOUNDCHAT'] as const;
const DEPENDENCY_TYPES: Record<string, string> = {
  INBOUNDCALL: 'INBOUNDCALLFLOW',
  COMMONMODULE: 'COMMONMODULEFLOW',
  INQUEUECALL: 'INQUEUECALLFLOW',
  WORKFLOW: 'WORKFLOW',
  INBOUNDCHAT: 'INBOUNDCHATFLOW',
};

export interface FakeOrg {
  flows: GenesysFlow[];
  resources: Map<string, GenesysDependency[]>;
}

/** `count` flows; every 10th is unpublished (saved draft 2.0 only); flow i uses i % 4 queues. */
export function buildOrg(count: number, bigFlow?: { index: number; resources: number }): FakeOrg {
  const flows: GenesysFlow[] = [];
  const resources = new Map<string, GenesysDependency[]>();
  for (let i = 0; i < count; i++) {
    const id = `flow-${String(i).padStart(5, '0')}`;
    const published = i % 10 !== 0;
    flows.push({
      id,
      name: `Flow ${i}`,
      type: TYPES[i % TYPES.length]!,
      ...(published ? { publishedVersion: { id: '1.0' } } : {}),
      savedVersion: { id: '2.0', dateSaved: 2 },
      checkedInVersion: { id: '1.0', dateCheckedIn: 1 },
    });
    const used = bigFlow?.index === i ? bigFlow.resources : i % 4;
    resources.set(
      id,
      Array.from({ length: used }, (_, n) => ({ id: `queue-${n}`, name: `Queue ${n}`, type: 'QUEUE', version: published ? '1.0' : '2.0' })),
    );
  }
  return { flows, resources };
}

export interface OrgRoutesOptions {
  /** Flow ids whose dependency requests always answer 500. */
  failing?: Set<string>;
  /** Called before a listing page > 1 is answered (lets a test hold pages back). */
  beforeLaterPage?(): Promise<void>;
  dependencyStatus?: number;
}

/** Genesys' listing and dependency-tracking endpoints over a fake org, with its paging rules. */
export function orgRoutes(org: FakeOrg, options: OrgRoutesOptions = {}) {
  return (app: Express) => {
    app.get('/api/v2/flows', async (req, res) => {
      const pageSize = Math.min(500, Number(req.query.pageSize ?? 25));
      const pageNumber = Number(req.query.pageNumber ?? 1);
      if (pageNumber > 1) await options.beforeLaterPage?.();
      res.json(page(org.flows, pageSize, pageNumber));
    });
    app.get('/api/v2/architect/dependencytracking/consumedresources', (req, res) => {
      const flow = org.flows.find((candidate) => candidate.id === req.query.id);
      if (options.dependencyStatus) {
        res.status(options.dependencyStatus).json({ message: 'Forbidden', status: options.dependencyStatus });
        return;
      }
      if (!flow || options.failing?.has(flow.id)) {
        res.status(flow ? 500 : 404).json({ message: flow ? 'Internal server error' : 'not found', status: flow ? 500 : 404 });
        return;
      }
      const expectedVersion = flow.publishedVersion?.id ?? '2.0';
      if (req.query.version !== expectedVersion || req.query.objectType !== DEPENDENCY_TYPES[flow.type]) {
        res.status(400).json({ message: `bad version/objectType for ${flow.id}`, status: 400 });
        return;
      }
      res.json(page(org.resources.get(flow.id) ?? [], Math.min(100, Number(req.query.pageSize)), Number(req.query.pageNumber ?? 1)));
    });
    app.get('/api/v2/flows/:flowId/latestconfiguration', (req, res) => {
      res.json({ name: req.params.flowId, flowSequenceItemList: [], manifest: {} });
    });
  };
}

function page<T>(items: T[], pageSize: number, pageNumber: number) {
  return {
    entities: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total: items.length,
    pageCount: Math.ceil(items.length / pageSize),
  };
}
