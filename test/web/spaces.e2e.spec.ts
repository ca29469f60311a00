/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, useLanguage, expectAccessible, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * Spaces and threads in a real browser on the real API with the sample data. The journey: a federation member
 * opens their federation's private space, starts a thread citing an article of the circular (from the reader),
 * mentions a colleague (proposed by the combobox, by keyboard), and an outsider reaches none of it — not in the
 * lists, not in the reader, not by URL. axe-core on every page of the area, in French and in Arabic.
 */
let app: TestApp;
let browser: Browser;

browserSuite((suite) => ({ app, browser } = suite));

async function signedIn(email: string, locale: 'fr-FR' | 'ar-MA' = 'fr-FR') {
  const context: BrowserContext = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await signInThroughPage(page, app.baseUrl, email, { path: '/' });
  await page.locator('.document-list a').first().waitFor();
  return { context, page };
}

/** Waits for a page of the area to be drawn (its main heading), then checks it with axe and takes its picture. */
async function check(page: Page, what: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expectAccessible(page, what);
  await screenshot(page, what);
}

let threadUrl = '';
let circular = '';

it('a federation member starts a thread in the private space citing an article, and mentions a colleague', async () => {
  const { context, page } = await signedIn('membre@fmo.example');
  await useLanguage(page, 'Français');
  circular = (await app.db.query(`SELECT id FROM documents WHERE reference = 'Circulaire 15/2025'`)).rows[0].id;

  // The header's "Espaces" leads to the spaces, with what is new in each.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Espaces' }).click();
  await check(page, 'spaces-list-fr', 'Espaces de discussion');
  const fmo = page.locator('.space-item', { hasText: 'FMO — espace privé' });
  await expect(fmo.getByText('Privé', { exact: true }).isVisible()).resolves.toBe(true);
  await expect(fmo.locator('.meta').textContent()).resolves.toMatch(/votre rôle : participant/);

  await fmo.getByRole('link', { name: 'FMO — espace privé' }).click();
  await check(page, 'space-fr', 'FMO — espace privé');
  await expect(
    page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Espaces' })
      .getAttribute('aria-current'),
  ).resolves.toBe('page');

  // From the reader: "Discuter dans un espace" on article 3 opens the form with the citation.
  await page.goto(`${app.baseUrl}/read/${circular}/2`);
  const discussions = page.getByRole('region', { name: 'Discussions sur ce texte' });
  await discussions.waitFor();
  const articles = discussions.getByLabel('Article à discuter');
  const art3 = await articles.locator('option[value="art-3"]').textContent();
  await articles.selectOption('art-3');
  await discussions.getByRole('link', { name: 'Discuter dans un espace' }).click();
  await check(page, 'new-thread-fr', 'Nouveau fil');
  await expect(page.locator('.citation-choice').textContent()).resolves.toContain(art3!.trim());

  // The space comes first (focused); without one, the form says so at the field.
  await expect(
    page.getByLabel('Espace', { exact: true }).evaluate((el) => el === document.activeElement),
  ).resolves.toBe(true);
  await page.getByRole('button', { name: 'Lancer le fil' }).click();
  await expect(page.getByText('Choisissez l’espace où lancer le fil.').isVisible()).resolves.toBe(true);
  await page.getByLabel('Espace', { exact: true }).selectOption({ label: 'FMO — espace privé' });
  await page.getByLabel('Titre').fill('Aide à la formation : notre lecture de l’article 3');
  await page
    .getByLabel('Message (Markdown)')
    .fill('Le plafond par emploi nous paraît **trop bas** pour les métiers ESO.');
  await page.getByLabel('Étiquettes (séparées par des virgules)').fill('capital-humain, position');
  await expectAccessible(page, 'new-thread-filled-fr');
  await page.getByRole('button', { name: 'Lancer le fil' }).click();

  await page.getByRole('heading', { level: 1, name: 'Aide à la formation : notre lecture de l’article 3' }).waitFor();
  threadUrl = page.url();
  expect(threadUrl).toMatch(/\/threads\/[0-9a-f-]{36}$/);
  const citation = page.locator('.citation a');
  await expect(citation.getAttribute('href')).resolves.toBe(`/read/${circular}/2#art-3`);

  // A reply mentioning a colleague: "@You" proposes Youssef (FMO); ↓/Enter inserts him; an outsider is never proposed.
  await page.getByRole('button', { name: 'Répondre' }).click();
  const reply = page.getByRole('combobox', { name: 'Votre réponse (Markdown)' });
  await reply.waitFor();
  await expect(reply.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  const outsider = page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('"prefix":"Cla"'),
  );
  await page.keyboard.type('Je propose que @Cla');
  expect(((await (await outsider).json()) as { data: { mentionable: unknown[] } }).data.mentionable).toEqual([]);
  await expect(reply.getAttribute('aria-expanded')).resolves.toBe('false');
  await reply.fill('');
  await page.keyboard.type('Qu’en pense @You');
  const options = page.getByRole('listbox', { name: 'Personnes à mentionner' });
  await options.waitFor();
  await expect(options.getByRole('option').allTextContents()).resolves.toEqual(['Youssef El Idrissi']);
  await expect(reply.getAttribute('aria-expanded')).resolves.toBe('true');
  await expectAccessible(page, 'thread-mention-open-fr');
  await screenshot(page, 'thread-mention-fr');
  await page.keyboard.press('Enter');
  await expect(reply.inputValue()).resolves.toMatch(/^Qu’en pense @\[Youssef El Idrissi\]\(user:[0-9a-f-]{36}\) $/);
  await page.keyboard.type('?');
  await page.getByRole('button', { name: 'Publier la réponse' }).click();
  const posted = page.locator('.conversation .reply').first();
  await posted.waitFor();
  await expect(posted.locator('.body').textContent()).resolves.toContain('Youssef El Idrissi');
  await check(page, 'thread-fr', 'Aide à la formation : notre lecture de l’article 3');

  // Back in the space, the thread is listed and its tag filters the list.
  await page.locator('.breadcrumbs').getByRole('link', { name: 'FMO — espace privé' }).click();
  await page.getByRole('link', { name: 'Fils avec l’étiquette capital-humain' }).first().click();
  await page.getByText(/fils? avec l’étiquette « capital-humain »/).waitFor();
  await expect(page.locator('.thread-item h3').allTextContents()).resolves.toEqual(
    expect.arrayContaining([expect.stringContaining('Aide à la formation')]),
  );

  // The reader links back to the thread from article 3.
  await page.goto(`${app.baseUrl}/read/${circular}/2#art-3`);
  const back = page
    .getByRole('region', { name: 'Discussions sur ce texte' })
    .getByRole('link', { name: 'Aide à la formation : notre lecture de l’article 3' });
  await back.waitFor();
  await back.click();
  await page.getByRole('heading', { level: 1, name: 'Aide à la formation : notre lecture de l’article 3' }).waitFor();
  await context.close();
}, 180_000);

it('the colleague sees it in what is new; the owner manages members, sets roles, pins and locks', async () => {
  const { context, page } = await signedIn('representant@fmo.example');
  await useLanguage(page, 'Français');
  await page.goto(`${app.baseUrl}/spaces/new-space`);
  await check(page, 'new-space-fr', 'Ouvrir un espace');
  await page.goto(`${app.baseUrl}/whats-new`);
  await check(page, 'whats-new-fr', 'Quoi de neuf');
  await page.getByRole('link', { name: 'Aide à la formation : notre lecture de l’article 3' }).waitFor();

  await page.goto(threadUrl);
  await page.getByRole('heading', { level: 1, name: 'Aide à la formation : notre lecture de l’article 3' }).waitFor();
  const pin = page.getByRole('button', { name: 'Épingler' });
  await pin.click();
  await page.getByRole('button', { name: 'Épingler', pressed: true }).waitFor();
  // Locking is moderation's LOCK: it asks for its reason, kept in the moderation log.
  const lock = page.locator('button[aria-pressed][aria-haspopup=dialog]', { hasText: 'Verrouiller' });
  await lock.click();
  const lockDialog = page.getByRole('dialog', { name: 'Verrouiller ce fil' });
  await lockDialog.getByRole('button', { name: 'Verrouiller' }).click();
  await lockDialog.getByText('Indiquez le motif : il est conservé au journal.').waitFor();
  await lockDialog.getByLabel('Motif').fill('Échanges devenus personnels');
  await expectAccessible(page, 'thread-lock-dialog-fr');
  await lockDialog.getByRole('button', { name: 'Verrouiller' }).click();
  await lockDialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Verrouiller', exact: true, pressed: true }).waitFor();
  await page.getByText('Ce fil est verrouillé par la modération').waitFor();
  await expect(page.getByRole('button', { name: 'Répondre' }).count()).resolves.toBe(0);
  await expectAccessible(page, 'thread-moderator-fr');
  await lock.click();
  const unlockDialog = page.getByRole('dialog', { name: 'Déverrouiller ce fil' });
  await unlockDialog.getByLabel('Motif').fill('Débat rouvert');
  await unlockDialog.getByRole('button', { name: 'Déverrouiller' }).click();
  await unlockDialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Verrouiller', exact: true, pressed: false }).waitFor();
  const logged = await app.db.query(
    `SELECT action, reason FROM moderation_actions WHERE content_type = 'THREAD' ORDER BY created_at DESC LIMIT 2`,
  );
  expect(logged.rows).toEqual([
    { action: 'UNLOCK', reason: 'Débat rouvert' },
    { action: 'LOCK', reason: 'Échanges devenus personnels' },
  ]);

  await page.goto(`${app.baseUrl}/spaces/federation-fmo`);
  await page.getByRole('heading', { level: 1, name: 'FMO — espace privé' }).waitFor();
  await expect(page.locator('.thread-item').first().textContent()).resolves.toContain('Aide à la formation');
  await page.getByRole('link', { name: 'Gérer les membres' }).click();
  await check(page, 'members-fr', /Membres de FMO — espace privé/);

  // Add the ADI institution as observers, with the keyboard-usable search, then make it participant.
  await page.getByLabel('Organisation (nom ou sigle)').fill('ADI');
  await page.getByRole('main').getByRole('button', { name: 'Chercher' }).click();
  await page.getByRole('radio', { name: /ADI/ }).first().check();
  await page.getByLabel('Rôle', { exact: true }).selectOption('OBSERVER');
  await expectAccessible(page, 'members-add-fr');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  const row = page.locator('.members tbody tr', { hasText: 'Agence de Développement des Investissements' });
  await row.waitFor();
  await row.getByRole('combobox').selectOption('PARTICIPANT');
  const saveRole = row.getByRole('button', { name: /Enregistrer le rôle/ });
  await saveRole.click();
  // Saved: announced; the button, with nothing left to save, is aria-disabled and keeps the keyboard's focus.
  await page
    .getByTestId('announcer')
    .filter({ hasText: /Rôle de .*Agence de Développement.* modifié/ })
    .waitFor();
  await expect(saveRole.getAttribute('aria-disabled')).resolves.toBe('true');
  await expect(saveRole.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
  const roles = await app.db.query(
    `SELECT sm.role FROM space_members sm JOIN spaces s ON s.id = sm.space_id JOIN organizations o ON o.id = sm.organization_id
      WHERE s.slug = 'federation-fmo' AND o.acronym = 'ADI'`,
  );
  expect(roles.rows).toEqual([{ role: 'PARTICIPANT' }]);
  await screenshot(page, 'members-added-fr');
  // And out again (the outsider test below relies on ADI not being a member: it is not the outsider anyway).
  await row.getByRole('button', { name: /Retirer/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Retirer/ })
    .click();
  await row.waitFor({ state: 'detached' });
  await context.close();
}, 180_000);

it('an outsider reaches none of it: not in the lists, not in the reader, and not by URL', async () => {
  const { context, page } = await signedIn('membre@atlas.example');
  await useLanguage(page, 'Français');
  await page.goto(`${app.baseUrl}/spaces`);
  await page.getByRole('heading', { level: 1, name: 'Espaces de discussion' }).waitFor();
  await page.locator('.space-item').first().waitFor();
  await expect(page.locator('.space-list').textContent()).resolves.not.toContain('FMO — espace privé');

  await page.goto(threadUrl);
  await check(page, 'not-found-thread-fr', 'Page introuvable');
  await expect(page.locator('main').textContent()).resolves.not.toContain('Aide à la formation');
  await page.goto(`${app.baseUrl}/spaces/federation-fmo`);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  await page.goto(`${app.baseUrl}/spaces/federation-fmo/members`);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  await page.goto(`${app.baseUrl}/spaces/federation-fmo/new`);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();

  await page.goto(`${app.baseUrl}/read/${circular}/2#art-3`);
  const discussions = page.getByRole('region', { name: 'Discussions sur ce texte' });
  await discussions.waitFor();
  await discussions.locator('ul, .hint').first().waitFor();
  await expect(discussions.textContent()).resolves.not.toContain('notre lecture de l’article 3');
  await page.goto(`${app.baseUrl}/whats-new`);
  await page.getByRole('heading', { level: 1, name: 'Quoi de neuf' }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /fil|Rien/ })
    .first()
    .waitFor();
  await expect(page.locator('main').textContent()).resolves.not.toContain('notre lecture de l’article 3');
  await context.close();
}, 120_000);

it('every page of the spaces is accessible and right-to-left in Arabic', async () => {
  const { context, page } = await signedIn('representant@fmo.example', 'ar-MA');
  await useLanguage(page, 'العربية');
  await page.goto(`${app.baseUrl}/spaces`);
  await check(page, 'spaces-list-ar', 'فضاءات النقاش');
  await page.goto(`${app.baseUrl}/spaces/federation-fmo`);
  await check(page, 'space-ar', 'FMO — espace privé');
  // The list's text starts on the right.
  const [item, list] = await Promise.all([
    page.locator('.thread-item h3 a').first().boundingBox(),
    page.locator('.thread-list').boundingBox(),
  ]);
  expect(list!.x + list!.width - (item!.x + item!.width)).toBeLessThan(list!.width / 2);
  await page.goto(threadUrl);
  await check(page, 'thread-ar', 'Aide à la formation : notre lecture de l’article 3');
  await page.getByRole('button', { name: 'الرد' }).first().click();
  const reply = page.getByRole('combobox').first();
  await reply.waitFor();
  await page.keyboard.type('@Kha');
  await page.getByRole('listbox', { name: 'أشخاص يمكن ذكرهم' }).waitFor();
  await expectAccessible(page, 'thread-mention-open-ar');
  await screenshot(page, 'thread-mention-ar');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox').count()).resolves.toBe(0);
  await page.goto(`${app.baseUrl}/spaces/federation-fmo/new`);
  await check(page, 'new-thread-ar', 'موضوع جديد');
  await page.goto(`${app.baseUrl}/spaces/federation-fmo/members`);
  await check(page, 'members-ar', /أعضاء/);
  await page.goto(`${app.baseUrl}/spaces/new-space`);
  await check(page, 'new-space-ar', 'فتح فضاء');
  await page.goto(`${app.baseUrl}/whats-new`);
  await check(page, 'whats-new-ar', 'ما الجديد');
  await page.goto(`${app.baseUrl}/threads/00000000-0000-4000-8000-000000000000`);
  await check(page, 'not-found-ar', 'الصفحة غير موجودة');
  await context.close();
}, 180_000);
