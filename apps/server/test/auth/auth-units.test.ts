import { describe, expect, it } from 'vitest';
import { loadAuthSettings } from '../../src/auth/auth-settings.js';
import { challengeOf } from '../../src/auth/pkce.js';
import { safeReturnPath } from '../../src/auth/return-path.js';
import { Sealer } from '../../src/auth/sealer.js';

const ORIGIN = 'https://flowgraph.example.com';

describe('[U] the return path after sign-in', () => {
  it('keeps paths of this app, with query and fragment', () => {
    expect(safeReturnPath('/', ORIGIN)).toBe('/');
    expect(safeReturnPath('/?node=flow%3Aabc&mode=impact#x', ORIGIN)).toBe('/?node=flow%3Aabc&mode=impact#x');
  });

  it.each([
    ['https://evil.example/', 'an absolute URL'],
    ['//evil.example/', 'a scheme-relative URL'],
    ['/\\evil.example', 'a backslash browsers read as a slash'],
    ['/%0d%0aSet-Cookie:x', 'encoded CR/LF is kept encoded, so it is a harmless path'],
    ['/\u0000x', 'a control character'],
    ['javascript:alert(1)', 'a script URL'],
    ['evil.example', 'a relative name'],
    ['/auth/logout', 'the auth routes themselves'],
    ['', 'nothing'],
    [['/a', '/b'], 'a repeated parameter'],
  ])('turns %j (%s) into a path of this origin', (input, _why) => {
    const path = safeReturnPath(input, ORIGIN);
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    expect(path.startsWith('/auth')).toBe(false);
  });
});

describe('[U] sealing session payloads', () => {
  it('opens what it sealed, and nothing sealed under another secret or altered', () => {
    const sealer = new Sealer('client-secret-1');
    const sealed = sealer.seal({ tokens: { accessToken: 'access-CANARY' } });
    expect(sealed.includes(Buffer.from('access-CANARY'))).toBe(false);
    expect(sealer.open(sealed)).toEqual({ tokens: { accessToken: 'access-CANARY' } });
    expect(new Sealer('client-secret-2').open(sealed)).toBeUndefined();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(sealer.open(altered)).toBeUndefined();
    expect(sealer.open(Buffer.from('short'))).toBeUndefined();
    expect(JSON.stringify({ sealer })).not.toContain('client-secret-1');
  });
});

describe('[U] PKCE', () => {
  it('computes the RFC 7636 appendix B example challenge', () => {
    expect(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('[U] sign-in settings', () => {
  it('defaults to no sign-in, with one-hour idle and twelve-hour sessions', () => {
    const settings = loadAuthSettings({});
    expect(settings).toMatchObject({ mode: 'none', publicUrl: undefined, allowUnauthenticated: false });
    expect(settings.session).toMatchObject({ idleMs: 3_600_000, absoluteMs: 43_200_000, requestsPerMinute: 600 });
  });

  it('refuses a public URL that is not an https origin, except on loopback', () => {
    expect(loadAuthSettings({ FLOWGRAPH_PUBLIC_URL: 'https://flowgraph.example.com' }).publicUrl?.origin).toBe(ORIGIN);
    expect(loadAuthSettings({ FLOWGRAPH_PUBLIC_URL: 'http://127.0.0.1:8080' }).publicUrl?.origin).toBe('http://127.0.0.1:8080');
    expect(() => loadAuthSettings({ FLOWGRAPH_PUBLIC_URL: 'http://flowgraph.example.com' })).toThrow(/must use https/);
    expect(() => loadAuthSettings({ FLOWGRAPH_PUBLIC_URL: 'https://example.com/flowgraph' })).toThrow(/without a path/);
    expect(() => loadAuthSettings({ FLOWGRAPH_PUBLIC_URL: 'not a url' })).toThrow(/not a URL/);
    expect(() => loadAuthSettings({ FLOWGRAPH_AUTH: 'oauth' })).toThrow(/FLOWGRAPH_AUTH/);
    expect(() => loadAuthSettings({ FLOWGRAPH_TRUST_PROXY: 'true' })).toThrow(/number of proxies/);
    expect(loadAuthSettings({ FLOWGRAPH_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadAuthSettings({ FLOWGRAPH_TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
  });
});
