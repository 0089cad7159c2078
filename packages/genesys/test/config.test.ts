import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConfigurationError, createGenesysClient, loadConfig, Secret } from '../src/index.js';
import { startFakeGenesys } from './helpers/fake-genesys.js';

const SECRET = 'do-not-print-me-9f8e7d';
const env = {
  GENESYSCLOUD_REGION: 'eu_west_1',
  GENESYSCLOUD_OAUTHCLIENT_ID: 'client-1',
  GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
};

describe('[U] loadConfig', () => {
  it('reads the GENESYSCLOUD_* variables; options win', () => {
    const config = loadConfig(env);
    expect(config.endpoints.apiBaseUrl).toBe('https://api.mypurecloud.ie');
    expect(config.clientId).toBe('client-1');
    expect(config.clientSecret.reveal()).toBe(SECRET);
    expect(loadConfig(env, { region: 'mypurecloud.de' }).endpoints.loginBaseUrl).toBe('https://login.mypurecloud.de');
    expect(loadConfig(env, { baseUrl: 'http://localhost:4010' }).endpoints.region).toBeUndefined();
  });

  it('names every missing variable', () => {
    expect(() => loadConfig({})).toThrow(/GENESYSCLOUD_OAUTHCLIENT_ID.*GENESYSCLOUD_OAUTHCLIENT_SECRET.*GENESYSCLOUD_REGION/);
    expect(() => loadConfig({ ...env, GENESYSCLOUD_OAUTHCLIENT_SECRET: '' })).toThrow(ConfigurationError);
  });

  it('refuses a non-loopback base URL even from the environment', () => {
    expect(() => loadConfig({ ...env, GENESYSCLOUD_BASE_URL: 'https://evil.example' })).toThrow(/only loopback/);
  });
});

describe('[U] the secret never shows', () => {
  it('in toString, JSON or inspect of the config, the secret or the client', () => {
    const config = loadConfig(env);
    const client = createGenesysClient({ env, cache: false });
    for (const text of [
      String(config.clientSecret),
      `${config.clientSecret}`,
      JSON.stringify(config),
      inspect(config, { depth: 10 }),
      JSON.stringify(client),
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(new Secret(SECRET)),
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('in configuration errors', () => {
    try {
      loadConfig({ GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET, GENESYSCLOUD_REGION: 'nowhere-1' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(SECRET);
      expect(inspect(error)).not.toContain(SECRET);
    }
  });

  it('in the error for rejected credentials, which carries Genesys’ error_description', async () => {
    const server = await startFakeGenesys({ api: () => {} });
    try {
      const client = createGenesysClient({ baseUrl: server.url, clientId: 'wrong', clientSecret: SECRET, cache: false });
      const error = await client.getToken().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).message).toMatch(/status 401.*invalid_client: client not found/);
      expect(inspect(error, { depth: 10 })).not.toContain(SECRET);
      expect(JSON.stringify(client.metrics())).not.toContain(SECRET);
      // Bad credentials are not retried: the same secret will not become right.
      expect(server.count('POST /oauth/token')).toBe(1);
    } finally {
      await server.close();
    }
  });
});
