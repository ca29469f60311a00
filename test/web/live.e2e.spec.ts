/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * Live updates in the reader: a highlight someone else makes appears without reloading, and is announced through
 * the page's aria-live region, in French and in Arabic; what the reader may not see never appears.
 */
let app: TestApp;
let browser: Browser;
let authorToken: string;
let authorName: string;

browserSuite((suite) => ({ app, browser } = suite));
beforeAll(async () => {
  authorToken = (await app.signIn('membre@fmo.example')).accessToken;
  authorName = (await app.gql<{ me: { displayName: string } }>(`{ me { displayName } }`, {}, authorToken)).data!.me
    .displayName;
}, 120_000);

async function openReader(locale: 'fr-FR' | 'ar-MA'): Promise<{ page: Page; documentId: string; version: number }> {
  const language = locale === 'ar-MA' ? 'العربية' : 'Français';
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await signInThroughPage(page, app.baseUrl, 'membre@atlas.example', { path: '/' });
  await page.locator('.document-list a').first().click();
  await page.locator('.version-text [data-offset]').first().waitFor();
  await page.locator('.marker').first().waitFor();
  await page.locator('.languages button', { hasText: language }).click();
  await page.waitForFunction((rtl) => document.documentElement.dir === (rtl ? 'rtl' : 'ltr'), locale === 'ar-MA');
  const [, documentId, version] = new URL(page.url()).pathname.match(/\/read\/([^/]+)\/(\d+)/)!;
  return { page, documentId, version: Number(version) };
}

async function annotate(documentId: string, versionNumber: number, exact: string, visibility = 'PUBLIC') {
  const created = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
    `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id } } }`,
    {
      input: {
        documentId,
        versionNumber,
        target: { exact },
        motivation: 'QUESTIONING',
        body: 'Vue en direct ?',
        visibility,
      },
    },
    authorToken,
  );
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  return created.data.createAnnotation.annotation.id;
}

const announcer = (page: Page) => page.locator('[data-testid=announcer]');

it('draws and announces a highlight someone else makes, live, and nothing the reader may not see', async () => {
  const { page, documentId, version } = await openReader('fr-FR');
  // An annotation for FMO's members only, then a public one: the reader (Atlas) gets only the second.
  const internal = await annotate(documentId, version, 'Guichet unique', 'ORGANIZATION');
  const shared = await annotate(documentId, version, 'Guichet unique');

  await page.locator(`.marker[data-annotation="${shared}"]`).waitFor();
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid=announcer]')?.textContent?.includes(name) ?? false,
    authorName,
  );
  expect(await announcer(page).textContent()).toContain('Nouvelle annotation');
  expect(await announcer(page).getAttribute('aria-live')).toBe('polite');
  expect(await page.locator(`.marker[data-annotation="${internal}"]`).count()).toBe(0);
  await page.locator(`.marker[data-annotation="${shared}"]`).scrollIntoViewIfNeeded();
  await screenshot(page, 'live-fr');
  await page.context().close();
});

it('announces it in Arabic too', async () => {
  const { page, documentId, version } = await openReader('ar-MA');
  const id = await annotate(documentId, version, 'Guichet unique');
  await page.locator(`.marker[data-annotation="${id}"]`).waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=announcer]')?.textContent?.includes('تعليق توضيحي جديد') ?? false,
  );
  await page.locator(`.marker[data-annotation="${id}"]`).scrollIntoViewIfNeeded();
  await screenshot(page, 'live-ar');
  await page.context().close();
});
