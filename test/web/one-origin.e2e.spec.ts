import { startTestApp, type TestApp } from '../support/test-app';
import { webRoot } from '../support/browser';

/**
 * One origin: the API serves the web client at / without shadowing its own paths, and the web client's refresh
 * token travels only in an httpOnly, SameSite=Strict cookie.
 */
let app: TestApp;

beforeAll(async () => {
  // No grace window for a token presented twice (refresh-grace.e2e covers it): a reuse here is a reuse.
  app = await startTestApp({ webRoot: webRoot(), env: { REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' } });
}, 120_000);
afterAll(() => app?.close());

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

it('serves the app for client routes, and never in place of the API’s own paths', async () => {
  for (const path of ['/', '/sign-in', '/read/123/2', '/read/123/2/changes']) {
    const response = await fetch(`${app.baseUrl}${path}`, { headers: html });
    expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
      path,
      status: 200,
      type: 'text/html; charset=utf-8',
    });
  }
  for (const path of ['/documents/x/annotations', '/me/personal-data', '/consultations/x/contributions.csv']) {
    const response = await fetch(`${app.baseUrl}${path}`, { headers: html });
    expect({ path, type: response.headers.get('content-type') }).toEqual({
      path,
      type: 'application/json; charset=utf-8',
    });
  }
  expect((await fetch(`${app.baseUrl}/health/ready`, { headers: html })).headers.get('content-type')).toContain('json');
  expect((await fetch(`${app.baseUrl}/assets/missing.js`, { headers: html })).status).toBe(404);
});

it('serves the icon the page links (a browser asks for one on every page)', async () => {
  const page = await (await fetch(`${app.baseUrl}/`, { headers: html })).text();
  const href = /<link rel="icon"[^>]* href="([^"]+)"/.exec(page)?.[1];
  expect(href).toBe('/favicon.svg');
  const icon = await fetch(`${app.baseUrl}${href}`);
  expect(icon.status).toBe(200);
  expect(icon.headers.get('content-type')).toContain('image/svg+xml');
  expect(await icon.text()).toContain('<title>Majlis</title>');
});

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session-cookie': '1', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: any[] } };
}

it('keeps the web client’s refresh token in an httpOnly cookie, rotates it, and says why a reused one ends the session', async () => {
  const signIn = await post('mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }', {
    input: { email: 'membre@fmo.example', password: 'Majlis-demo-2026' },
  });
  expect(signIn.body.data.signIn.refreshToken).toBe('');
  const cookie = signIn.response.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^majlis_refresh=[^;]+;/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  expect(cookie).toMatch(/Path=\/graphql/);
  const first = cookie.split(';')[0];

  const refresh = 'mutation { refreshSession(input: {}) { accessToken refreshToken } }';
  const rotated = await post(refresh, {}, { cookie: first });
  expect(rotated.body.data.refreshSession.accessToken).toBeTruthy();
  expect(rotated.response.headers.get('set-cookie')!.split(';')[0]).not.toBe(first);

  const reused = await post(refresh, {}, { cookie: first });
  expect(reused.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
});
