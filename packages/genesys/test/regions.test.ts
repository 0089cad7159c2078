import { describe, expect, it } from 'vitest';
import { ConfigurationError, isLoopbackUrl, knownRegions, resolveBaseUrl, resolveRegion } from '../src/index.js';

describe('[U] resolveRegion', () => {
  it.each(['eu-west-1', 'eu_west_1', 'EU-WEST-1', 'mypurecloud.ie', 'api.mypurecloud.ie', 'https://login.mypurecloud.ie'])(
    'resolves %s to the Irish hosts',
    (input) => {
      expect(resolveRegion(input)).toEqual({
        region: 'eu-west-1',
        domain: 'mypurecloud.ie',
        apiBaseUrl: 'https://api.mypurecloud.ie',
        loginBaseUrl: 'https://login.mypurecloud.ie',
      });
    },
  );

  it('knows the pure.cloud and FedRAMP domains from Genesys’ own list', () => {
    expect(resolveRegion('us-west-2').apiBaseUrl).toBe('https://api.usw2.pure.cloud');
    expect(resolveRegion('use2.us-gov-pure.cloud').region).toBe('us-east-2');
    expect(knownRegions().length).toBeGreaterThanOrEqual(17);
  });

  it('rejects tutorial hosts with the list of known regions', () => {
    expect(() => resolveRegion('api.eu.mypurecloud.com')).toThrow(ConfigurationError);
    expect(() => resolveRegion('eu')).toThrow(/Unknown Genesys Cloud region "eu".*eu-west-1 \(mypurecloud\.ie\)/);
  });
});

describe('[U] loopback base URLs', () => {
  it.each(['http://127.0.0.1:4010', 'http://127.8.9.10', 'https://localhost:3000/x', 'http://[::1]:8080'])('accepts %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it.each([
    'https://api.mypurecloud.ie',
    'http://128.0.0.1',
    'http://localhost.evil.com',
    'http://127.0.0.1.nip.io',
    'file:///etc/passwd',
    'ftp://127.0.0.1',
    'not a url',
    'http://[::2]',
  ])('rejects %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });

  it('uses the origin for both API and login, and refuses anything else without echoing credentials', () => {
    expect(resolveBaseUrl('http://127.0.0.1:4010/ignored')).toEqual({
      apiBaseUrl: 'http://127.0.0.1:4010',
      loginBaseUrl: 'http://127.0.0.1:4010',
    });
    const attempt = () => resolveBaseUrl('https://user:pw@attacker.example/api');
    expect(attempt).toThrow(/only loopback/);
    expect(attempt).not.toThrow(/pw/);
  });
});
