/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { CREATE_ANNOTATION, targetFor } from '../support/documents';
import { screenshot, useLanguage, expectAccessible, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * My activity in Chromium against the real API: a demo member who annotated finds the annotation under
 * My account › My activity and follows its link into the reader, at its place. axe-core in French and Arabic;
 * screenshots in tmp/screenshots/.
 */
jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;
const MEMBER = 'membre@atlas.example';

browserSuite((suite) => ({ app, browser } = suite));

it('a member sees an annotation they made under My activity and opens it in the reader, in French and Arabic', async () => {
  const { accessToken } = await app.signIn(MEMBER);
  const documents = await app.gql<{
    documents: { edges: { node: { id: string; latestVersion: { number: number; plainText: string } } }[] };
  }>(`{ documents(first: 1) { edges { node { id latestVersion { number plainText } } } } }`, {}, accessToken);
  const document = documents.data!.documents.edges[0]!.node;
  const created = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
    CREATE_ANNOTATION,
    {
      input: {
        documentId: document.id,
        versionNumber: document.latestVersion.number,
        target: targetFor(document.latestVersion.plainText, 'Guichet unique'),
        motivation: 'QUESTIONING',
        body: 'Quel calendrier pour le guichet unique ?',
      },
    },
    accessToken,
  );
  expect(created.errors).toBeUndefined();
  const annotationId = created.data!.createAnnotation.annotation.id;

  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInThroughPage(page, app.baseUrl, MEMBER);
  await useLanguage(page, 'Français');

  await page.goto(`${app.baseUrl}/account`);
  await page.locator('.account-nav a', { hasText: 'Mon activité' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes annotations' }).waitFor();
  const entry = page.locator('.mine-list li', { hasText: 'Quel calendrier pour le guichet unique ?' });
  await entry.waitFor();
  await expectAccessible(page, 'my annotations (fr)');
  await screenshot(page, 'mine-annotations-fr');

  for (const [name, heading] of [
    ['Mes discussions', 'Mes discussions'],
    ['Mes consultations', 'Mes consultations'],
    ['Mes signalements', 'Mes signalements'],
  ] as const) {
    await page.locator('.mine-sections a', { hasText: name }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.locator('.account-content .state:not(.state-loading), .mine-list').first().waitFor();
  }
  await expectAccessible(page, 'my reports (fr)');

  await useLanguage(page, 'العربية');
  await page.locator('.mine-sections a', { hasText: 'تعليقاتي' }).click();
  await page.getByRole('heading', { level: 1, name: 'تعليقاتي' }).waitFor();
  await entry.waitFor();
  await expectAccessible(page, 'my annotations (ar)');
  await screenshot(page, 'mine-annotations-ar');

  await entry.locator('a').first().click();
  await page.waitForURL(
    new RegExp(`/read/${document.id}/${document.latestVersion.number}\\?annotation=${annotationId}`),
  );
  await page.locator(`[data-annotation="${annotationId}"]`).first().waitFor();
  await page.locator('.side-panel .card', { hasText: 'Quel calendrier pour le guichet unique ?' }).waitFor();
  await screenshot(page, 'mine-opened-ar');
  await context.close();
});
