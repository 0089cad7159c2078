import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../src/config.js';

const live = {
  GENESYSCLOUD_OAUTHCLIENT_ID: 'id',
  GENESYSCLOUD_OAUTHCLIENT_SECRET: 'config-test-secret',
  GENESYSCLOUD_REGION: 'eu-west-1',
};

describe('[U] loadServerConfig', () => {
  it('defaults to demo on port 8080 with a 30 s refresh interval, refusing refreshes with more than 2% failed flows', () => {
    expect(loadServerConfig({})).toEqual({
      mode: 'demo',
      port: 8080,
      host: '127.0.0.1',
      demoFlows: 300,
      refreshIntervalMs: 30_000,
      maxFailedShare: 0.02,
      dataDir: undefined,
      historyKeep: 30,
      demoChangesPerRefresh: 0,
    });
    expect(loadServerConfig({ FLOWGRAPH_DATA_DIR: 'off', FLOWGRAPH_HISTORY_KEEP: '5' })).toMatchObject({ dataDir: 'off', historyKeep: 5 });
    expect(() => loadServerConfig({ FLOWGRAPH_HISTORY_KEEP: '1' })).toThrow(/FLOWGRAPH_HISTORY_KEEP/);
    expect(loadServerConfig({ FLOWGRAPH_REFRESH_MAX_FAILED_PERCENT: '10' }).maxFailedShare).toBe(0.1);
    expect(() => loadServerConfig({ FLOWGRAPH_REFRESH_MAX_FAILED_PERCENT: '150' })).toThrow(/FLOWGRAPH_REFRESH_MAX_FAILED_PERCENT/);
  });

  it('is live when the Genesys variables are set, unless FLOWGRAPH_MODE=demo', () => {
    expect(loadServerConfig(live).mode).toBe('live');
    expect(loadServerConfig({ ...live, FLOWGRAPH_MODE: 'demo' }).mode).toBe('demo');
  });

  it('names the missing variables of a half-done live setup, never the values', () => {
    const attempt = () => loadServerConfig({ GENESYSCLOUD_OAUTHCLIENT_SECRET: 'config-test-secret' });
    expect(attempt).toThrow(/GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_REGION/);
    expect(attempt).not.toThrow(/config-test-secret/);
  });

  it('rejects a bad port naming the variable', () => {
    expect(() => loadServerConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
