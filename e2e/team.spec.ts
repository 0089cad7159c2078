import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { loadOrg } from './helpers.js';

/**
 * Team mode (FLOWGRAPH_AUTH=genesys) against the demo simulator as identity provider: the
 * `team` project's server (playwright.config.ts). Each test signs in in a fresh browser context.
 */
const PASSWORD = 'flowgraph-demo';
const AVERY = { username: 'avery@flowgraph.demo', name: 'Avery Jones' };
const SAM = { username: 'sam@flowgraph.demo', name: 'Sam Patel' };

/** Fills the simulator's sign-in page (the browser was sent there) and submits it. */
async function signInAtSimulator(page: Page, username: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Catches the simulator's answer to the sign-in form (a redirect to /auth/callback with code and
 * state). Playwright does not route a redirect's next hop, so the form POST itself is fetched
 * here; with `follow` the browser goes on to the callback, otherwise it stops on a blank page.
 */
async function holdCallback(page: Page, { follow = false } = {}): Promise<{ callback: Promise<URL>; release(): Promise<void> }> {
  let resolve: (url: URL) => void = () => {};
  const callback = new Promise<URL>((done) => {
    resolve = done;
  });
  const pattern = '**/oauth/authorize';
  await page.route(pattern, async (route) => {
    if (route.request().method() !== 'POST') {
      await route.continue();
      return;
    }
    const answer = await route.fetch({ maxRedirects: 0 });
    const location = answer.headers().location ?? '';
    if (follow) await route.fulfill({ status: 302, headers: { location } });
    else await route.fulfill({ contentType: 'text/plain', body: 'held' });
    resolve(new URL(location));
  });
  return { callback, release: () => page.unroute(pattern) };
}

/** From signed out to the graph: the app sends the browser to the simulator and back. */
async function signIn(page: Page, person: { username: string; name: string }, path = '/'): Promise<void> {
  await page.goto(path);
  await signInAtSimulator(page, person.username);
  await expect(page.getByTestId('signed-in')).toContainText(person.name);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

async function flowCount(page: Page): Promise<number> {
  const stat = page.locator('.stat').filter({ hasText: 'flows' }).locator('strong');
  return Number(((await stat.textContent()) ?? '').replace(/\D/g, ''));
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === 'flowgraph_session');
}

test.describe('[E] team server: sign in with Genesys Cloud', () => {
  test('signed out, the app sends you to sign in and brings you back to the graph you asked for', async ({ page, baseURL }) => {
    await page.goto('/?mode=impact');
    // The simulator's sign-in page: another origin, as login.<region> is for a real org.
    expect(new URL(page.url()).origin).not.toBe(baseURL);
    await page.screenshot({ path: 'test-results/screens/team-sign-in.png' });
    await signInAtSimulator(page, SAM.username);
    await expect(page).toHaveURL(/\/\?mode=impact$/);
    await expect(page.getByTestId('signed-in')).toContainText('Sam Patel');
    await expect(page.getByTestId('signed-in')).toContainText('Sales');
    await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/screens/team-signed-in.png' });
  });

  test('a person with one division sees fewer flows than one with all', async ({ browser }) => {
    const avery = await browser.newContext();
    const sam = await browser.newContext();
    try {
      const averyPage = await avery.newPage();
      const samPage = await sam.newPage();
      await signIn(averyPage, AVERY);
      await signIn(samPage, SAM);
      const all = await flowCount(averyPage);
      const sales = await flowCount(samPage);
      expect(sales).toBeGreaterThan(0);
      expect(sales).toBeLessThan(all);
      // Each page asks the API as its own person.
      const averyMe = await averyPage.request.get('/api/me');
      expect(await averyMe.json()).toMatchObject({ person: { name: AVERY.name }, allDivisions: true });
      const samGraph = await loadOrg(samPage.request);
      expect(samGraph.graph.nodes.filter((node) => node.kind === 'flow')).toHaveLength(sales);
    } finally {
      await avery.close();
      await sam.close();
    }
  });

  test('the session cookie is HttpOnly, SameSite=Lax, opaque, and no script can read it', async ({ page, context }) => {
    await signIn(page, AVERY);
    const cookie = await sessionCookie(context);
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Plain http on loopback here; an https public URL adds Secure and the __Host- prefix (integration test).
    expect(cookie?.secure).toBe(false);
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    // A persistent cookie that ends at the session's absolute expiry (12 h), not a forever one.
    const hours = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11);
    expect(hours).toBeLessThanOrEqual(12);
    expect(await page.evaluate(() => document.cookie)).not.toContain('flowgraph_session');
    // Nothing the page loads holds a Genesys token: /api/me names the person, nothing more.
    const me = await (await page.request.get('/api/me')).text();
    expect(me).not.toMatch(/token/i);
  });

  test('signing out ends the session: the API answers 401 and the app asks to sign in again', async ({ page, context }) => {
    await signIn(page, SAM);
    const before = await sessionCookie(context);
    await page.getByTestId('sign-out').click();
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/team-signed-out.png' });
    expect(await sessionCookie(context)).toBeUndefined();
    // The old cookie value is dead server-side too, not only deleted in this browser.
    const replayed = await page.request.get('/api/graph', { headers: { cookie: `flowgraph_session=${before?.value}` } });
    expect(replayed.status()).toBe(401);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('without the cookie every API route answers 401, and a cross-site POST is refused', async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL: baseURL as string });
    for (const path of ['/api/graph', '/api/health', '/api/me', '/api/progress', '/api/history', '/api/no-such-route']) {
      const response = await anonymous.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    expect((await anonymous.post('/api/refresh', { headers: { origin: baseURL as string } })).status()).toBe(401);
    await anonymous.dispose();

    // Signed in, then a page of another site posts a form to the app: refused before it reaches the API.
    await signIn(page, AVERY);
    await page.route('http://attacker.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form id="attack" method="post" action="${baseURL}/api/refresh"></form>`,
      }),
    );
    await page.goto('http://attacker.test/');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/refresh')),
      page.evaluate(() => (document.getElementById('attack') as HTMLFormElement).submit()),
    ]);
    expect(answer.status()).toBe(403);
    await page.waitForURL(/\/api\/refresh$/);
    // The same POST from the app's own page is allowed (the refresh limiter may answer 429 or 409; never 401/403).
    await page.goto('/');
    const own = await page.evaluate(async () => (await fetch('/api/refresh', { method: 'POST' })).status);
    expect([202, 409, 429]).toContain(own);
  });

  test('a tampered state and a replayed code are refused', async ({ page }) => {
    // The simulator's redirect back to the app, caught before the browser follows it.
    const held = await holdCallback(page);
    await page.goto('/auth/login');
    await signInAtSimulator(page, SAM.username);
    const genuine = await held.callback;
    await held.release();
    const tampered = new URL(genuine);
    tampered.searchParams.set('state', `${genuine.searchParams.get('state')?.slice(0, -2)}xx`);
    const refused = await page.goto(tampered.toString());
    expect(refused?.status()).toBe(400);
    await expect(page.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
    await expect(page.locator('main')).toContainText('state');
    await page.screenshot({ path: 'test-results/screens/team-sign-in-failed.png' });
    // The attempt spent the login: the genuine answer is refused now too.
    expect((await page.goto(genuine.toString()))?.status()).toBe(400);

    // A genuine sign-in, then its code used again with a fresh login's state.
    const passed = await holdCallback(page, { follow: true });
    await page.goto('/auth/login');
    await signInAtSimulator(page, SAM.username);
    const used = await passed.callback;
    await passed.release();
    await expect(page.getByTestId('signed-in')).toContainText('Sam Patel');
    await page.context().clearCookies();
    // A new login gives this browser a login cookie and a new state; the old code rides along.
    const login = await page.request.get('/auth/login', { maxRedirects: 0 });
    const state = new URL(login.headers().location ?? '').searchParams.get('state') ?? '';
    const replay = new URL(used);
    replay.searchParams.set('state', state);
    const replayed = await page.goto(replay.toString());
    expect(replayed?.status()).toBe(400);
    await expect(page.locator('main')).toContainText('invalid_grant');
    expect((await page.request.get('/api/graph')).status()).toBe(401);
  });
});
