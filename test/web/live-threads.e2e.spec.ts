/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * Live updates of a discussion, in two browser contexts: a member posts a reply in one, the other sees it appear in
 * the thread without reloading and hears it announced (aria-live, politely); a deletion is announced too; the
 * space's list of threads shows a new thread as soon as it is started.
 */
let app: TestApp;
let browser: Browser;

browserSuite((suite) => ({ app, browser } = suite));

async function signedIn(email: string, locale: 'fr-FR' | 'ar-MA' = 'fr-FR'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await signInThroughPage(page, app.baseUrl, email, { path: '/' });
  await page.locator('.document-list a').first().waitFor();
  const language = locale === 'ar-MA' ? 'العربية' : 'Français';
  await page.locator('.languages button', { hasText: language }).click();
  await page.waitForFunction((rtl) => document.documentElement.dir === (rtl ? 'rtl' : 'ltr'), locale === 'ar-MA');
  return page;
}

async function openThread(page: Page, title: string): Promise<string> {
  await page.goto(`${app.baseUrl}/spaces/federation-fmo`);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return page.url();
}

const announced = (page: Page, text: string) =>
  page.waitForFunction(
    (expected) => document.querySelector('[data-testid=announcer]')?.textContent?.includes(expected) ?? false,
    text,
  );

const TITLE = 'Position de la fédération sur l’aide à la formation';

it('a reply posted in one browser appears and is announced in the other; a deletion too', async () => {
  const watcher = await signedIn('representant@fmo.example');
  const poster = await signedIn('membre@fmo.example');
  const url = await openThread(watcher, TITLE);
  await poster.goto(url);
  await poster.getByRole('heading', { level: 1, name: TITLE }).waitFor();

  await poster.getByRole('button', { name: 'Répondre', exact: true }).first().click();
  await poster.getByRole('combobox', { name: 'Votre réponse (Markdown)' }).fill('Réponse en direct : chiffrage joint.');
  await poster.getByRole('button', { name: 'Publier la réponse' }).click();

  await watcher.locator('.conversation .reply', { hasText: 'Réponse en direct : chiffrage joint.' }).waitFor();
  await announced(watcher, 'Nouvelle réponse de');
  expect(await watcher.locator('[data-testid=announcer]').getAttribute('aria-live')).toBe('polite');
  await screenshot(watcher, 'live-thread-fr');

  // The poster deletes it (through the API): it goes from the watcher's page, announced.
  const token = (await app.signIn('membre@fmo.example')).accessToken;
  const thread = url.split('/threads/')[1]!;
  const replies = await app.gql<{
    thread: { replies: { edges: { node: { id: string; bodyHtml: string | null } }[] } };
  }>(
    `query($id: ID!) { thread(id: $id) { replies(first: 100) { edges { node { id bodyHtml } } } } }`,
    { id: thread },
    token,
  );
  const mine = replies.data!.thread.replies.edges.find(({ node }) => node.bodyHtml?.includes('Réponse en direct'))!;
  const deleted = await app.gql(
    `mutation($input: CommentIdInput!) { deleteComment(input: $input) { comment { id } } }`,
    {
      input: { id: mine.node.id },
    },
    token,
  );
  expect(deleted.errors).toBeUndefined();
  await announced(watcher, 'Un message a été supprimé');
  await watcher.locator('.conversation .reply', { hasText: 'Réponse en direct : chiffrage joint.' }).waitFor({
    state: 'detached',
  });

  await poster.context().close();
  await watcher.context().close();
});

it('the space’s list of threads shows a thread started elsewhere, without reloading (in Arabic)', async () => {
  const watcher = await signedIn('representant@fmo.example', 'ar-MA');
  await watcher.goto(`${app.baseUrl}/spaces/federation-fmo`);
  await watcher.getByRole('link', { name: TITLE }).waitFor();
  const token = (await app.signIn('membre@fmo.example')).accessToken;
  const space = await app.gql<{ space: { id: string } }>(`query { space(id: "federation-fmo") { id } }`, {}, token);
  const created = await app.gql(
    `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
    { input: { spaceId: space.data!.space.id, title: 'Nouveau fil en direct', body: 'Ouvert à l’instant.' } },
    token,
  );
  expect(created.errors).toBeUndefined();
  await watcher.getByRole('link', { name: 'Nouveau fil en direct' }).waitFor();
  await screenshot(watcher, 'live-space-ar');
  await watcher.context().close();
});
