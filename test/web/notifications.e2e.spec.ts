/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, useLanguage, expectAccessible, signInThroughPage, DEMO_PASSWORD } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { linkIn, mailsTo, outbox, runJobs } from '../notifications/support';
import { annotatePassage, openDocument, plainTextOf, SAMPLE_V1 } from '../support/documents';

/**
 * Notifications in Chromium against the real API: the bell's unread count, the inbox (mark read, mark all read),
 * e-mail settings, and a forgotten password reset from the e-mailed link. axe-core in French and Arabic;
 * screenshots in tmp/screenshots/.
 */
jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;

browserSuite((suite) => ({ app, browser } = suite));

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signInThroughPage(page, app.baseUrl, email, { password });
}

it('shows the unread count on the bell, and the inbox marks read, in French and Arabic', async () => {
  // Someone watches a public space, where two threads are started.
  const watcher = await app.signIn('membre@atlas.example');
  const author = await app.signIn('representant@fmo.example');
  const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`);
  const space = await app.gql<{ createSpace: { space: { id: string } } }>(
    `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
    { input: { name: 'Agora', slug: 'agora-cloche', ownerOrganizationId: rows[0].id, visibility: 'PUBLIC' } },
    author.accessToken,
  );
  const spaceId = space.data!.createSpace.space.id;
  await app.gql(
    `mutation($input: SetSpaceNotificationLevelInput!) { setSpaceNotificationLevel(input: $input) { level } }`,
    { input: { spaceId, level: 'WATCHING' } },
    watcher.accessToken,
  );
  await runJobs(app); // what the sample data caused, read before the test starts
  await app.gql(`mutation { markAllNotificationsRead { marked } }`, {}, watcher.accessToken);
  for (const title of ['Délais de paiement', 'Guichet unique numérique'])
    await app.gql(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      { input: { spaceId, title, body: 'Qu’en pensez-vous ?' } },
      author.accessToken,
    );
  await runJobs(app);
  const count = await app.gql(`{ unreadNotificationCount }`, {}, watcher.accessToken);
  expect(count.data).toEqual({ unreadNotificationCount: 2 });

  const { context, page } = await newPage();
  await signIn(page, 'membre@atlas.example');
  const bell = page.locator('.notification-bell');
  await useLanguage(page, 'Français'); // the account's own language is English
  await page.getByRole('link', { name: 'Notifications, 2 non lues' }).waitFor();
  await bell.click();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await page.getByText('2 notifications non lues.').waitFor();
  await expectAccessible(page, 'inbox fr');
  await screenshot(page, 'notifications-inbox-fr');

  await page.getByRole('button', { name: /Marquer comme lu — .*Guichet unique numérique/ }).click();
  await page.getByRole('link', { name: 'Notifications, 1 non lue' }).waitFor();
  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await page.getByRole('link', { name: 'Notifications, aucune non lue' }).waitFor();
  await page.getByText('Tout est lu.').waitFor();

  await useLanguage(page, 'العربية');
  await page.getByRole('heading', { level: 1, name: 'الإشعارات' }).waitFor();
  await expectAccessible(page, 'inbox ar');
  await screenshot(page, 'notifications-inbox-ar');

  await page.getByRole('link', { name: 'إعدادات البريد الإلكتروني' }).click();
  await page.getByRole('radio', { name: 'ملخص أسبوعي' }).check();
  await page.getByRole('button', { name: 'حفظ' }).click();
  await page.getByText('حُفظت الإعدادات.').waitFor({ state: 'attached' });
  await expectAccessible(page, 'settings ar');
  await screenshot(page, 'notifications-settings-ar');
  const saved = await app.gql<{ notificationSettings: { emailFrequency: string } }>(
    `{ notificationSettings { emailFrequency } }`,
    {},
    watcher.accessToken,
  );
  expect(saved.data!.notificationSettings.emailFrequency).toBe('WEEKLY');
  await useLanguage(page, 'Français');
  await expectAccessible(page, 'settings fr');
  await context.close();
});

/** Presses Tab until the focused element matches `selector` (at most `limit` presses); fails otherwise. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

it('opens a reply from the inbox by keyboard alone, at its annotation in the reader, in Arabic', async () => {
  const moderator = await app.signIn('moderatrice@mtnra.example');
  const author = await app.signIn('membre@atlas.example');
  const replier = await app.signIn('membre@fmo.example');
  const documentId = await openDocument(app, moderator.accessToken, SAMPLE_V1);
  const text = await plainTextOf(app, author.accessToken, documentId, 1);
  const { id: annotationId } = await annotatePassage(app, author.accessToken, { documentId, text }, 'Guichet unique', {
    body: 'Le guichet unique doit être **numérique**.',
  });
  await runJobs(app);
  await app.gql(`mutation { markAllNotificationsRead { marked } }`, {}, author.accessToken);
  const reply = await app.gql<{ postComment: { comment: { id: string } } }>(
    `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
    { input: { subjectType: 'ANNOTATION', subjectId: annotationId, body: 'نعم، **رقمي** بالكامل.' } },
    replier.accessToken,
  );
  const replyId = reply.data!.postComment.comment.id;
  await runJobs(app);

  const { context, page } = await newPage();
  await signIn(page, 'membre@atlas.example');
  await useLanguage(page, 'العربية');
  // From the top of the page: Tab to the bell, Enter; Tab to the newest notification, Enter.
  await page.locator('body').focus();
  await tabTo(page, '.notification-bell');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'الإشعارات' }).waitFor();
  const newest = page.locator('.inbox-item').first();
  await newest.locator('.inbox-excerpt', { hasText: 'نعم، رقمي بالكامل.' }).waitFor();
  await expectAccessible(page, 'inbox with a reply ar');
  await tabTo(page, '.inbox-item:first-child .inbox-open');
  await page.keyboard.press('Enter');
  await page.waitForURL(
    (url) =>
      url.pathname === `/read/${documentId}/1` &&
      url.searchParams.get('annotation') === annotationId &&
      url.searchParams.get('comment') === replyId,
  );
  // The reader opens the annotation's conversation, the reply in it, in the person's language.
  await page.locator('.side-panel', { hasText: 'نعم، رقمي بالكامل.' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await expectAccessible(page, 'reader at a notified reply ar');
  await screenshot(page, 'notifications-open-reply-ar');
  await context.close();
});

it('chooses what a space notifies and follows a thread, by keyboard alone, in Arabic; the API holds both', async () => {
  const member = await app.signIn('membre@atlas.example');
  const author = await app.signIn('representant@fmo.example');
  const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`);
  const space = await app.gql<{ createSpace: { space: { id: string } } }>(
    `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
    {
      input: {
        name: 'Agora des niveaux',
        slug: 'agora-niveaux',
        ownerOrganizationId: rows[0].id,
        visibility: 'PUBLIC',
      },
    },
    author.accessToken,
  );
  const spaceId = space.data!.createSpace.space.id;
  const thread = await app.gql<{ createThread: { thread: { id: string } } }>(
    `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
    { input: { spaceId, title: 'Guichet unique', body: 'Qu’en pensez-vous ?' } },
    author.accessToken,
  );
  const threadId = thread.data!.createThread.thread.id;

  const { context, page } = await newPage();
  await signIn(page, 'membre@atlas.example');
  await useLanguage(page, 'العربية');
  await page.goto(`${app.baseUrl}/spaces/agora-niveaux`);
  const summary = page.locator('.space-notifications summary');
  await summary.getByText('إشعارات هذا الفضاء: عادي').waitFor();
  // From the top of the page: Tab to the summary, Enter opens it; Tab to the chosen level, ArrowUp chooses "everything".
  await page.locator('body').focus();
  await tabTo(page, '.space-notifications summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '.space-notifications input[type=radio]:checked');
  await page.keyboard.press('ArrowUp');
  await summary.getByText('إشعارات هذا الفضاء: كل شيء').waitFor();
  await expectAccessible(page, 'space notification level ar');
  await screenshot(page, 'space-notification-level-ar');
  // The summary follows the choice at once (optimistic); the saved level is what the API answers once it is stored.
  await page.locator('.space-notifications input[type=radio][value=WATCHING]:checked').waitFor();
  const levelNow = () =>
    app.gql<{ spaceNotificationLevel: string }>(
      `query($id: String!) { spaceNotificationLevel(spaceId: $id) }`,
      { id: spaceId },
      member.accessToken,
    );
  for (let attempt = 0; attempt < 50 && (await levelNow()).data?.spaceNotificationLevel !== 'WATCHING'; attempt++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect((await levelNow()).data).toEqual({ spaceNotificationLevel: 'WATCHING' });

  await page.goto(`${app.baseUrl}/threads/${threadId}`);
  const follow = page.getByRole('button', { name: 'متابعة' });
  await follow.waitFor();
  expect(await follow.getAttribute('aria-pressed')).toBe('false');
  await page.locator('body').focus();
  await tabTo(page, '.follow-button');
  await page.keyboard.press('Enter');
  await page.locator('.follow-button[aria-pressed=true]').waitFor();
  // The focus stays on the toggle while it works and after (a disabled button would drop it): Enter undoes, Enter redoes.
  const focusedOnFollow = () => page.evaluate(() => document.activeElement?.matches('.follow-button') ?? false);
  expect(await focusedOnFollow()).toBe(true);
  await page.keyboard.press('Enter');
  await page.locator('.follow-button[aria-pressed=false]').waitFor();
  expect(await focusedOnFollow()).toBe(true);
  await page.keyboard.press('Enter');
  await page.locator('.follow-button[aria-pressed=true]').waitFor();
  await expectAccessible(page, 'thread followed ar');
  const followed = await app.gql<{ following: boolean }>(
    `query($id: String!) { following(subjectType: THREAD, subjectId: $id) }`,
    { id: threadId },
    member.accessToken,
  );
  expect(followed.data).toEqual({ following: true });
  await context.close();
});

it('follows one article of a text from the reader, beside the text itself', async () => {
  const member = await app.signIn('membre@atlas.example');
  const { rows } = await app.db.query(`SELECT id FROM documents ORDER BY created_at LIMIT 1`);
  const documentId: string = rows[0].id;
  const { context, page } = await newPage();
  await signIn(page, 'membre@atlas.example');
  await useLanguage(page, 'Français');
  await page.goto(`${app.baseUrl}/read/${documentId}/2`);
  const article = page.getByRole('button', { name: 'Suivre cet article' });
  await article.waitFor();
  // Two follow buttons, told apart by their names: the text's and the chosen article's.
  expect(await page.getByRole('button', { name: 'Suivre ce texte', exact: true }).count()).toBe(1);
  const chosen = await page.locator('.discuss select').inputValue();
  await article.click();
  await page.locator('.discuss .follow-button[aria-pressed=true]').waitFor();
  await expectAccessible(page, 'reader with an article followed');
  const followed = await app.gql<{ article: boolean; text: boolean }>(
    `query($article: String!, $text: String!) {
       article: following(subjectType: ARTICLE, subjectId: $article) text: following(subjectType: DOCUMENT, subjectId: $text) }`,
    { article: `${documentId}:${chosen}`, text: documentId },
    member.accessToken,
  );
  expect(followed.data).toEqual({ article: true, text: false });
  await context.close();
});

it('resets a forgotten password from the e-mailed link', async () => {
  const { context, page } = await newPage();
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
  await expectAccessible(page, 'forgot fr');
  await page.getByLabel('Adresse e-mail').fill('membre@fmo.example');
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await page.getByText(/Si un compte existe pour/).waitFor();
  await screenshot(page, 'notifications-forgot-fr');

  await runJobs(app);
  const [mail] = mailsTo(await outbox(app), 'membre@fmo.example');
  const link = linkIn(app, mail, '/reset-password');
  await page.goto(link.toString());
  await useLanguage(page, 'العربية');
  await page.getByRole('heading', { level: 1, name: 'اختيار كلمة مرور جديدة' }).waitFor();
  await expectAccessible(page, 'reset ar');
  await screenshot(page, 'notifications-reset-ar');
  await page.getByLabel('كلمة المرور الجديدة', { exact: true }).fill('une phrase toute neuve pour entrer');
  await page.getByLabel('تأكيد كلمة المرور الجديدة').fill('une phrase toute neuve pour entrer');
  await page.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
  await page.getByText('تغيّرت كلمة مرورك وأُغلقت كل جلساتك.').waitFor();
  await useLanguage(page, 'Français');
  await app.signIn('membre@fmo.example', 'une phrase toute neuve pour entrer');

  // The same link again: used, with the way to ask for a new one.
  await page.goto(link.toString());
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('encore une autre phrase solide');
  await page.getByLabel('Confirmer le nouveau mot de passe').fill('encore une autre phrase solide');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByText('Ce lien a déjà servi.').waitFor();
  await expectAccessible(page, 'reset used fr');
  await context.close();
});
