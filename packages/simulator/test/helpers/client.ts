import { DEMO_CREDENTIALS, type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/index.js';

/** A started simulator plus a tiny authenticated fetch, for integration tests. */
export interface TestSimulator extends RunningSimulator {
  token: string;
  get(path: string, token?: string): Promise<Response>;
  getJson(path: string): Promise<{ status: number; body: unknown; headers: Headers }>;
}

export async function requestToken(
  url: string,
  credentials: { clientId: string; clientSecret: string } = DEMO_CREDENTIALS,
): Promise<Response> {
  return fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
}

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const simulator = await startSimulator({ flows: 40, seed: 7, ...options });
  const tokenResponse = await requestToken(simulator.url, simulator.credentials);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const get = (path: string, bearer = token) => fetch(`${simulator.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  return {
    ...simulator,
    token,
    get,
    async getJson(path) {
      const response = await get(path);
      return { status: response.status, body: await response.json(), headers: response.headers };
    },
  };
}
