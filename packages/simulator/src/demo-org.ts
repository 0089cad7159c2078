import { DEMO_ORG_FLOWS, DEMO_ORG_SEED } from './org/generate-org.js';
import { type RunningSimulator, startSimulator } from './http/start.js';
import { DEMO_CREDENTIALS } from './options.js';

/** The demo's request budget: the real per-token limit (300/min) would make a 300-flow demo crawl take over a minute. */
export const DEMO_REQUESTS_PER_MINUTE = 20_000;
/** A few milliseconds per answer, so the demo's progress and latency figures look like a network, not like memory. */
export const DEMO_LATENCY_MS = 3;

export interface DemoOrgOptions {
  /** Flows of the demo org (default 300); tests use a small one. */
  flows?: number;
}

/** What a Genesys client needs to crawl the demo org: `createGenesysClient(demo.client)`. */
export interface DemoClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Each start is a fresh org: a refresh must see it as it is now, never a cached answer. */
  cache: false;
  /** Nothing from GENESYSCLOUD_* variables: the demo never talks to a real org. */
  env: Record<string, never>;
  rateLimit: { requestsPerMinute: number };
}

export interface DemoOrg extends RunningSimulator {
  client: DemoClientOptions;
}

/**
 * The demo org, the same wherever it runs (`npm start`, `flowgraph … --demo`): the seeded org on
 * loopback, without faults, with the demo latency and budget, and the client settings to crawl it.
 */
export async function startDemoOrg(options: DemoOrgOptions = {}): Promise<DemoOrg> {
  const simulator = await startSimulator({
    port: 0,
    flows: options.flows ?? DEMO_ORG_FLOWS,
    // The same seed gives the same org, so the demo and the screenshots are repeatable.
    seed: DEMO_ORG_SEED,
    faults: 'none',
    latencyMs: DEMO_LATENCY_MS,
    rateLimit: DEMO_REQUESTS_PER_MINUTE,
  });
  return {
    ...simulator,
    client: {
      baseUrl: simulator.url,
      ...DEMO_CREDENTIALS,
      cache: false,
      env: {},
      rateLimit: { requestsPerMinute: DEMO_REQUESTS_PER_MINUTE },
    },
  };
}
