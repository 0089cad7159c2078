import type { SimulatedFlow, SimulatedOrg, SimulatedVersion } from '../types.js';
import { buildConfiguration } from './build-configuration.js';

/**
 * Configurations are built on request (a 5,000-flow org would otherwise hold hundreds of MB) and
 * the most recent ones kept, because crawlers often fetch a flow's configuration more than once.
 */
export class ConfigurationCache {
  private readonly entries = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly org: SimulatedOrg,
    private readonly capacity = 256,
  ) {}

  get(flow: SimulatedFlow, version: SimulatedVersion): Record<string, unknown> {
    const key = `${flow.entity.id}@${version.id}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const built = buildConfiguration(this.org, flow, version);
    this.entries.set(key, built);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return built;
  }
}
