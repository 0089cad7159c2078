import { z } from 'zod';
import type { GenesysClient } from '../client.js';

// Architect's internal JSON (flowSequenceItemList, manifest, ...): undocumented and versioned,
// so only "an object" is checked here; readers in core validate what they use.
const FlowConfigurationSchema = z.record(z.string(), z.unknown());
export type FlowConfiguration = z.infer<typeof FlowConfigurationSchema>;

/** `GET /api/v2/flows/{flowId}/latestconfiguration`, fetched on demand for step graphs. */
export function fetchFlowConfiguration(
  client: GenesysClient,
  flowId: string,
  options: { signal?: AbortSignal } = {},
): Promise<FlowConfiguration> {
  return client.get({ path: '/api/v2/flows/{flowId}/latestconfiguration', params: { flowId } }, FlowConfigurationSchema, options);
}
