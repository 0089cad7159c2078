import { DEMO_PASSWORD, type RunningSimulator, type SimulatorOptions } from '@flowgraph/simulator';

/**
 * What a person does at the simulator's sign-in page: open the authorize URL the server sent
 * them to, post the form with its parameters, and follow the redirect back (returned, not followed).
 */
export async function signInAtSimulator(authorizeUrl: string, username: string, password = DEMO_PASSWORD): Promise<URL> {
  const url = new URL(authorizeUrl);
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}: ${await page.text()}`);
  const form = new URLSearchParams(url.searchParams);
  form.set('username', username);
  form.set('password', password);
  const answer = await fetch(new URL('/oauth/authorize', url.origin), { method: 'POST', body: form, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || location === null) throw new Error(`sign-in answered ${answer.status}`);
  return new URL(location);
}

export const SIMULATOR_REDIRECT = 'http://127.0.0.1:9/auth/callback';

export function teamSimulatorOptions(now: () => number): SimulatorOptions {
  return {
    flows: 60,
    seed: 3,
    clock: now,
    tokenTtlSeconds: 600,
    codeClient: { clientId: 'team-client', clientSecret: 'team-LEAK-CANARY-secret-51c2', redirectUris: [SIMULATOR_REDIRECT] },
  };
}

export type { RunningSimulator };
