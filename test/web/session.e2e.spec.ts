/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use the DOM types.
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { seriousViolations, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/** Sessions in the browser: kept across reloads, ended with a reason, language remembered; the API-down banner. */
let app: TestApp;
let browser: Browser;

browserSuite((suite) => ({ app, browser } = suite), { env: { REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' } });

async function signedInPage(email: string) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInThroughPage(page, app.baseUrl, email, { path: '/' });
  await page.locator('.document-list a').first().waitFor();
  return { context, page };
}

it('keeps the session across a reload, and signs out with the reason when a refresh token is reused', async () => {
  const { context, page } = await signedInPage('representant@atlas.example');
  await page.reload();
  await page.locator('.document-list a').first().waitFor(); // restored from the httpOnly cookie
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'majlis_refresh')!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Strict');
  expect(await page.evaluate(() => document.cookie)).not.toContain('majlis_refresh');
  // Someone else uses the same token first (it rotates); the browser's copy is now a reused token.
  const stolen = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session-cookie': '1', cookie: `majlis_refresh=${cookie.value}` },
    body: JSON.stringify({ query: 'mutation { refreshSession(input: {}) { accessToken } }' }),
  });
  expect(((await stolen.json()) as { data: unknown }).data).toBeTruthy();
  await page.reload();
  const alert = page.locator('.sign-in [role=alert]');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('jeton de session déjà utilisé');
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

it('remembers the language chosen for the person, and signs out', async () => {
  const first = await signedInPage('representant@adi.example');
  await first.page.locator('.languages button', { hasText: 'English' }).click();
  await first.page.waitForFunction(() => document.documentElement.lang === 'en');
  await first.page.locator('.account button').click();
  await first.page.locator('input[type=email]').waitFor();
  await first.context.close();
  // Another browser in French: after sign-in the interface follows the person's saved choice.
  const second = await signedInPage('representant@adi.example');
  await second.page.waitForFunction(() => document.documentElement.lang === 'en');
  expect(await second.page.locator('h1').first().textContent()).toBe('Texts under consultation');
  await second.context.close();
});

it('says so when the API cannot be reached', async () => {
  const { context, page } = await signedInPage('membre@atlas.example');
  await page.route('**/graphql', (route) => route.abort('connectionrefused'));
  await page.route('**/health/ready', (route) => route.abort('connectionrefused'));
  await page.locator('.document-list a').first().click();
  const banner = page.locator('.banner-error');
  await banner.waitFor();
  expect(await banner.textContent()).toMatch(/ne répond pas|is not answering|لا يستجيب/); // in the person's saved language
  await context.close();
});
