import { describe, expect, it } from 'vitest';
import { DEMO_ORG_SEED, DEMO_REQUESTS_PER_MINUTE, generateOrg, startDemoOrg } from '../src/index.js';
import { requestToken } from './helpers/client.js';

describe('[I] startDemoOrg', () => {
  it('serves the seeded demo org on loopback, with the client settings that crawl it', async () => {
    const demo = await startDemoOrg({ flows: 30 });
    try {
      const expected = generateOrg({ flows: 30, seed: DEMO_ORG_SEED });
      expect(demo.org.flows.map((flow) => flow.entity.id)).toEqual(expected.flows.map((flow) => flow.entity.id));
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(demo.client).toMatchObject({
        baseUrl: demo.url,
        cache: false,
        env: {},
        rateLimit: { requestsPerMinute: DEMO_REQUESTS_PER_MINUTE },
      });
      const token = await requestToken(demo.url, demo.client);
      expect(token.status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
