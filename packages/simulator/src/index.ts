/**
 * A faithful Genesys Cloud Platform API simulator: OAuth client credentials and sign-in (code
 * grant with PKCE, refresh tokens, division-scoped answers), flows, flow
 * configurations and dependency tracking in the real shapes, per-token rate limits and
 * recoverable faults, over a seeded org generated from real Architect exports.
 */
export { createSimulator, type Simulator } from './http/app.js';
export { type RunningSimulator, startSimulator } from './http/start.js';
export {
  DEMO_LATENCY_MS,
  DEMO_REQUESTS_PER_MINUTE,
  type DemoClientOptions,
  type DemoOrg,
  type DemoOrgOptions,
  startDemoOrg,
} from './demo-org.js';
export {
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  describePeople,
  type PersonInput,
  type SimulatedOrganization,
  type SimulatedPerson,
} from './identity/people.js';
export { DEMO_CODE_CLIENT, DEMO_CREDENTIALS, type SimulatorOptions, SimulatorOptionsSchema } from './options.js';
export { FAULT_PROFILES, type FaultProfile, type FaultProfileInput, type FaultProfileName } from './faults/profiles.js';
export { DEMO_ORG_FLOWS, DEMO_ORG_SEED, generateOrg, type GenerateOrgOptions, MIN_ORG_FLOWS } from './org/generate-org.js';
export { buildConfiguration } from './org/configuration/build-configuration.js';
export { consumedResources, consumingResources } from './org/dependencies.js';
export { flowsToChange, type PublishedVersion, publishNewVersions } from './org/publish.js';
export { MANIFEST_KEY_TO_DEPENDENCY_TYPE } from './org/flow-kinds.js';
export type { PlantedProblems, SimulatedFlow, SimulatedOrg, SimulatedReference, SimulatedResource, SimulatedVersion } from './org/types.js';
export type { SimulatorStats } from './stats.js';

// The seeded generator behind every org and fault sequence; the benchmarks draw from it too.
export { createRandom, type Random } from './random.js';
