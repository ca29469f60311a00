/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, expectAccessible, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * Search in a real browser, on the sample data: suggestions in the header as one types (keyboard only), the results
 * page with its facets and highlighted snippets, a hit opened in place (the reader scrolled to the highlight, its
 * conversation open), in French and in Arabic (right-to-left), with axe-core on each state.
 */
let app: TestApp;
let browser: Browser;

browserSuite((suite) => ({ app, browser } = suite));

async function signedInPage(locale: 'fr-FR' | 'ar-MA'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await signInThroughPage(page, app.baseUrl, 'representant@fmo.example', { path: '/' });
  await page.locator('.document-list a').first().waitFor();
  return page;
}

it('French: suggestions by keyboard, results with facets, and a hit opened at its highlight', async () => {
  const page = await signedInPage('fr-FR');
  await page.locator('.languages button', { hasText: 'Français' }).click();
  const box = page.getByRole('combobox', { name: 'Rechercher' });
  await box.focus();
  await page.keyboard.type('plaf');
  const options = page.getByRole('option');
  await options.first().waitFor();
  expect(await options.count()).toBeGreaterThan(0);
  await expectAccessible(page, 'suggestions (fr)');
  await screenshot(page, 'search-suggestions-fr');

  // Enter without choosing a suggestion: the results page.
  await page.keyboard.press('Escape');
  await page.keyboard.type('ond');
  await options.first().waitFor();
  await page.keyboard.press('Escape');
  await expect(options.count()).resolves.toBe(0);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=plafond/);
  await page.locator('.search-hits li').first().waitFor();
  expect(await page.locator('.search-hits mark').count()).toBeGreaterThan(0);
  await expect(page.locator('h1').textContent()).resolves.toContain('plafond');
  await expectAccessible(page, 'results (fr)');
  await screenshot(page, 'search-results-fr');

  // The annotations facet, then the first annotation: the reader at its highlight, its conversation open.
  await page.locator('.search-facets a', { hasText: 'Annotation' }).click();
  await page.waitForURL(/type=ANNOTATION/);
  await page.locator('.search-hits li').first().waitFor();
  const first = page.locator('.search-hit-link').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/read\/.+\?annotation=/);
  const annotationId = new URL(page.url()).searchParams.get('annotation')!;
  await page.locator(`[data-annotation="${annotationId}"]`).first().waitFor();
  await page.locator('.side-panel .card').waitFor();
  const inView = await page.evaluate((id) => {
    const marker = document.querySelector(`[data-annotation="${id}"]`)!.getBoundingClientRect();
    return marker.top >= 0 && marker.bottom <= window.innerHeight;
  }, annotationId);
  expect(inView).toBe(true);
  await screenshot(page, 'search-opened-fr');
  await page.context().close();
});

it('Arabic: the results page right to left, accessible', async () => {
  const page = await signedInPage('ar-MA');
  await page.locator('.languages button', { hasText: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.goto(`${app.baseUrl}/search?q=${encodeURIComponent('entreprises formation')}`);
  await page.locator('.search-hits li').first().waitFor();
  await expect(page.locator('h1').textContent()).resolves.toContain('نتائج');
  await expectAccessible(page, 'results (ar)');
  await screenshot(page, 'search-results-ar');
  const box = page.getByRole('combobox', { name: 'بحث' });
  await box.fill('');
  await box.focus();
  await page.keyboard.type('entrep');
  await page.getByRole('option').first().waitFor();
  await expectAccessible(page, 'suggestions (ar)');
  await screenshot(page, 'search-suggestions-ar');
  await page.context().close();
});
