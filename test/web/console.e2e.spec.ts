/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use the DOM types.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ACCOUNTS } from '../support/demo-accounts';
import { targetFor } from '../support/documents';
import type { TestApp } from '../support/test-app';
import { screenshot, waitForCount, useLanguage, expectAccessible, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * The ministry's console in a real browser against the real API: a moderator builds a consultation with every
 * question kind and takes it through its life cycle to published results and the CSV; three members report a reply,
 * it disappears for them, and the moderator restores it from the queue. axe-core on every console page in French
 * and Arabic.
 */
let app: TestApp;
let browser: Browser;
const HOUR = 3600_000;

browserSuite((suite) => ({ app, browser } = suite));

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1360, height: 900 },
    acceptDownloads: true,
  });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, email: string): Promise<void> {
  await signInThroughPage(page, app.baseUrl, email, { path: '/' });
  await page.locator('.document-list a').first().waitFor();
}

/** Waits until the element has the keyboard focus. */
async function focused(locator: Locator): Promise<void> {
  await locator.page().waitForFunction((element) => element === document.activeElement, await locator.elementHandle());
}

/** The polite live region's last message (the console announces what it did there). */
async function announced(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=announcer]', { hasText: text }).waitFor();
}

const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

it('A moderator builds a consultation with every question kind, opens it, extends it, closes it, publishes the results, sees the charts, and downloads the CSV', async () => {
  const { context, page } = await newPage();
  await signIn(page, ACCOUNTS.moderator);
  await useLanguage(page, 'Français');
  await page.locator('.primary-nav a', { hasText: 'Console' }).click();
  await page.locator('h2', { hasText: 'Consultations' }).waitFor();
  await page.locator('a', { hasText: 'Nouvelle consultation' }).click();

  const builder = page.locator('form[aria-label="Constructeur de consultation"]');
  await builder.getByLabel('Titre', { exact: true }).fill('Consultation sur la formation continue');
  await builder.getByLabel('Présentation').fill('Votre avis sur les aides à la formation.');
  const questions = builder.locator('[data-testid=question-editor]');
  const question = (index: number) => questions.nth(index);
  await question(0).getByLabel('Intitulé').fill('Votre avis général');
  await question(0).getByLabel('Réponse obligatoire').check();
  await question(0).getByLabel('Article cité').selectOption({ index: 1 });
  await builder.locator('button', { hasText: 'Ajouter une question' }).click();
  await question(1).getByLabel('Type de question').selectOption('SINGLE_CHOICE');
  await question(1).getByLabel('Intitulé').fill('Le plafond est-il adapté ?');
  await question(1).getByLabel('Options').fill('Adapté\nTrop bas');
  await builder.locator('button', { hasText: 'Ajouter une question' }).click();
  await question(2).getByLabel('Type de question').selectOption('MULTI_CHOICE');
  await question(2).getByLabel('Intitulé').fill('Quels métiers ?');
  await question(2).getByLabel('Options').fill('ITO\nBPO\nKPO');
  await builder.locator('button', { hasText: 'Ajouter une question' }).click();
  await question(3).getByLabel('Type de question').selectOption('SCALE');
  await question(3).getByLabel('Intitulé').fill('Clarté du texte');
  // Reordering by keyboard: the focus follows the moved question to its new place, there and back.
  await builder.getByRole('button', { name: 'Descendre la question 3' }).focus();
  await page.keyboard.press('Enter');
  await focused(builder.getByRole('button', { name: 'Descendre la question 4' }));
  await expect(question(3).getByLabel('Intitulé').inputValue()).resolves.toBe('Quels métiers ?');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await focused(builder.getByRole('button', { name: 'Monter la question 3' }));
  await expect(question(3).getByLabel('Intitulé').inputValue()).resolves.toBe('Clarté du texte');
  // A question removed by keyboard leaves the focus on what comes after it (here, "add a question").
  await builder.locator('button', { hasText: 'Ajouter une question' }).click();
  await builder.getByRole('button', { name: 'Retirer la question 5' }).focus();
  await page.keyboard.press('Enter');
  await focused(builder.locator('button', { hasText: 'Ajouter une question' }));
  await announced(page, 'Question 5 retirée.');
  expect(await questions.count()).toBe(4);

  // A mistake is shown where it is, and nothing typed is lost.
  await question(1).getByLabel('Options').fill('Adapté');
  await builder.locator('button[type=submit]').click();
  await focused(question(1).getByLabel('Options'));
  await expectAccessible(page, 'builder with an error (fr)');
  await question(1).getByLabel('Options').fill('Adapté\nTrop bas');

  await page.locator('button', { hasText: 'Aperçu côté organisation' }).click();
  const preview = page.locator('[data-testid=consultation-preview]');
  await preview.locator('legend', { hasText: 'Quels métiers ?' }).waitFor();
  const previewed = preview.locator('.question-list');
  expect(await previewed.locator('input[type=radio]').count()).toBe(2 + 5); // single choice + scale 1–5
  expect(await previewed.locator('input[type=checkbox]').count()).toBe(3);
  await previewed.locator('label', { hasText: 'KPO' }).locator('input').check(); // it can be tried out
  await expectAccessible(page, 'builder with preview (fr)');
  await screenshot(page, 'console-builder-fr');

  await builder.locator('button[type=submit]').click();
  const state = page.locator('[data-testid=consultation-state]');
  await state.filter({ hasText: 'Brouillon' }).waitFor();
  const consultationId = page.url().split('/').pop()!;
  await expectAccessible(page, 'consultation draft (fr)');

  await page.locator('button', { hasText: 'Publier' }).first().click();
  await state.filter({ hasText: 'Programmée' }).waitFor();
  await page.locator('button', { hasText: 'Ouvrir maintenant' }).click();
  await state.filter({ hasText: 'Ouverte' }).waitFor();

  // The FMO federation takes part (through the API), so that there are results to read.
  const representative = (await app.signIn(ACCOUNTS.federationRepresentative)).accessToken;
  const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id as string;
  const consultation = await app.gql<{ consultation: { questions: { id: string }[] } }>(
    `query($id: ID!) { consultation(id: $id) { questions { id } } }`,
    { id: consultationId },
    representative,
  );
  const [q1, q2, q3, q4] = consultation.data!.consultation.questions.map((q) => q.id);
  const joined = await app.gql(
    `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { version } } }`,
    { input: { consultationId, organizationId: fmo } },
    representative,
  );
  expect(joined.errors).toBeUndefined();
  const saved = await app.gql(
    `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`,
    {
      input: {
        consultationId,
        organizationId: fmo,
        version: 1,
        consent: 'PUBLIC_NAMED',
        answers: [
          { questionId: q1, text: 'Le dispositif est utile aux PME.' },
          { questionId: q2, choices: ['Trop bas'] },
          { questionId: q3, choices: ['ITO', 'KPO'] },
          { questionId: q4, scale: 4 },
        ],
      },
    },
    representative,
  );
  expect(saved.errors).toBeUndefined();
  const submitted = await app.gql(
    `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber } } }`,
    { input: { consultationId, organizationId: fmo } },
    representative,
  );
  expect(submitted.errors).toBeUndefined();

  // Extend, with a new deadline and a reason.
  const before = await page.locator('[data-testid=consultation-closes]').textContent();
  await page.locator('button', { hasText: 'Prolonger' }).click();
  const dialog = page.locator('[role=dialog]');
  await dialog.locator('input[type=datetime-local]').fill(localInput(new Date(Date.now() + 40 * 24 * HOUR)));
  await dialog.locator('button[type=submit]').click();
  await focused(dialog.getByLabel('Motif'));
  await expectAccessible(page, 'extend dialog (fr)');
  await dialog.getByLabel('Motif').fill('Demande des fédérations');
  await dialog.locator('button[type=submit]').click();
  await announced(page, 'Date limite prolongée.');
  await page.waitForFunction(
    (previous) => document.querySelector('[data-testid=consultation-closes]')?.textContent !== previous,
    before,
  );

  // Close, with a reason.
  await page.locator('button', { hasText: 'Clore' }).click();
  await dialog.getByLabel('Motif').fill('Objectifs atteints');
  await dialog.locator('button[type=submit]').click();
  await state.filter({ hasText: 'Close' }).waitFor();
  const audit = await app.db.query(
    `SELECT details FROM audit_events WHERE kind = 'CONSULTATION_DEADLINE_CHANGED' AND subject_id = $1 ORDER BY occurred_at`,
    [consultationId],
  );
  expect(audit.rows.map((row) => row.details.reason ?? row.details.explanation)).toEqual([
    'Demande des fédérations',
    'CLOSED_EARLY',
  ]);
  expect(audit.rows[1].details.explanation).toBe('Objectifs atteints');

  // Publish the results, read them, download the CSV.
  await page.locator('button', { hasText: 'Publier les résultats' }).click();
  await state.filter({ hasText: 'Résultats publiés' }).waitFor();
  const results = page.locator('[data-testid=console-results]');
  await results.locator('h3', { hasText: 'Résultats publiés' }).waitFor();
  await results.locator('tr', { hasText: 'Trop bas' }).locator('td', { hasText: '1' }).waitFor();
  await results.locator('blockquote', { hasText: 'Le dispositif est utile aux PME.' }).waitFor();
  await expectAccessible(page, 'results (fr)');
  await results.scrollIntoViewIfNeeded();
  await screenshot(page, 'console-results-fr');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button', { hasText: 'Télécharger les contributions (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Le dispositif est utile aux PME.');
  expect(csv).toContain('Trop bas');

  // The ministry's synthesis and a response to a question, shown with the results.
  await results.getByLabel(/Ce que le ministère a retenu/).fill('Le plafond sera relevé en 2027.');
  await results.getByLabel(/Réponse à la question 2/).fill('Le plafond sera revu.');
  await results.locator('button', { hasText: 'Enregistrer la synthèse' }).click();
  await results.locator('.synthesis', { hasText: 'Le plafond sera relevé en 2027.' }).waitFor();
  await results.locator('p', { hasText: 'Le plafond sera revu.' }).waitFor();

  await useLanguage(page, 'العربية');
  await results.locator('h3', { hasText: 'النتائج المنشورة' }).waitFor();
  await expectAccessible(page, 'results (ar)');
  await results.scrollIntoViewIfNeeded();
  await screenshot(page, 'console-results-ar');
  await useLanguage(page, 'Français');

  // The published results page, with its charts and their tables.
  await results.locator('a', { hasText: 'Voir les résultats publiés' }).click();
  const chart = page.locator('figure.result-figure').first();
  await chart.waitFor();
  await page.locator('.result-figure', { hasText: 'Trop bas' }).locator('svg, .result-chart').first().waitFor();
  await page.locator('.result-table', { hasText: 'Trop bas' }).waitFor();
  await expectAccessible(page, 'published results with charts (fr)');
  await screenshot(page, 'console-charts-fr');
  await context.close();
}, 240_000);

it('Moderation: three members report a reply (an annotation reply in the reader), it disappears for them; the moderator restores it from the queue and it is back', async () => {
  const token = async (who: keyof typeof ACCOUNTS) => (await app.signIn(ACCOUNTS[who])).accessToken;
  const author = await token('federationMember');
  const documents = await app.gql<{
    documents: { edges: { node: { id: string; latestVersion: { number: number; plainText: string } } }[] };
  }>(`{ documents(first: 1) { edges { node { id latestVersion { number plainText } } } } }`, {}, author);
  const document = documents.data!.documents.edges[0]!.node;
  const passage = 'Guichet unique';
  const annotation = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
    `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id } } }`,
    {
      input: {
        documentId: document.id,
        versionNumber: document.latestVersion.number,
        target: targetFor(document.latestVersion.plainText, passage),
        motivation: 'COMMENTING',
        body: 'Une remarque sur le guichet.',
      },
    },
    author,
  );
  expect(annotation.errors).toBeUndefined();
  const annotationId = annotation.data!.createAnnotation.annotation.id;
  const reply = await app.gql<{ postComment: { comment: { id: string } } }>(
    `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
    { input: { subjectType: 'ANNOTATION', subjectId: annotationId, body: 'Réponse litigieuse à examiner.' } },
    author,
  );
  expect(reply.errors).toBeUndefined();
  const replyId = reply.data!.postComment.comment.id;

  // The first member reports it from the reader.
  const member = await newPage();
  await signIn(member.page, ACCOUNTS.companyMember);
  await useLanguage(member.page, 'Français');
  const readerUrl = `${app.baseUrl}/read/${document.id}/${document.latestVersion.number}`;
  const openCard = async () => {
    await member.page.goto(readerUrl);
    await member.page.locator(`.marker[data-annotation="${annotationId}"]`).click();
    await member.page.locator('.side-panel .card').waitFor();
  };
  await openCard();
  const replyArticle = member.page.locator('.side-panel article.reply', { hasText: 'Réponse litigieuse à examiner.' });
  await replyArticle.locator('button', { hasText: 'Signaler' }).click();
  const reportDialog = member.page.locator('[role=dialog]');
  await reportDialog.locator('label', { hasText: 'Propos injurieux ou abusifs' }).locator('input').check();
  await reportDialog.locator('button[type=submit]').click();
  await announced(member.page, 'Signalement envoyé');

  // Two more members report it; it is hidden pending review and gone for them.
  for (const who of ['companyRepresentative', 'otherRepresentative'] as const) {
    const reported = await app.gql(
      `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`,
      { input: { contentType: 'COMMENT', contentId: replyId, reason: 'ABUSIVE' } },
      await token(who),
    );
    expect(reported.errors).toBeUndefined();
  }
  await openCard();
  await member.page.locator('.side-panel .card', { hasText: 'Une remarque sur le guichet.' }).waitFor();
  expect(await member.page.locator('.side-panel', { hasText: 'Réponse litigieuse à examiner.' }).count()).toBe(0);

  // The moderator finds it in the queue, grouped (3 reports), and restores it with a reason.
  const moderator = await newPage();
  await signIn(moderator.page, ACCOUNTS.moderator);
  await useLanguage(moderator.page, 'Français');
  await moderator.page.goto(`${app.baseUrl}/console/moderation`);
  const item = moderator.page.locator('[data-testid=queue-item]', { hasText: 'Réponse litigieuse à examiner.' });
  await item.waitFor();
  await expect(item.locator('h3').textContent()).resolves.toContain('3 signalements');
  expect(await item.locator('a', { hasText: 'Voir à sa place' }).getAttribute('href')).toContain(
    `/read/${document.id}/`,
  );
  await expectAccessible(moderator.page, 'moderation queue (fr)');
  await screenshot(moderator.page, 'console-queue-fr');
  // The document filter keeps it and goes into the URL; a reload keeps the filter.
  await moderator.page.getByLabel('Document', { exact: true }).selectOption(document.id);
  await moderator.page.waitForURL(new RegExp(`[?&]document=${document.id}`));
  await moderator.page.reload();
  await item.waitFor();
  expect(await moderator.page.getByLabel('Document', { exact: true }).inputValue()).toBe(document.id);
  await expectAccessible(moderator.page, 'moderation queue, filtered by document (fr)');
  const history = (await item
    .locator('a', { hasText: 'Historique de modération de ce contenu' })
    .getAttribute('href'))!;
  expect(history).toMatch(/^\/console\/moderation\/log\?type=[A-Z]+&content=[0-9a-f-]+$/);
  await item.locator('button', { hasText: 'Rétablir' }).click();
  const dialog = moderator.page.locator('[role=dialog]');
  await dialog.getByLabel('Motif').fill('Critique légitime, pas d’abus.');
  await dialog.getByLabel(/Note interne/).fill('Vu avec la direction.');
  await expectAccessible(moderator.page, 'moderation action (fr)');
  await dialog.locator('button[type=submit]').click();
  await announced(moderator.page, 'Décision enregistrée : Rétablir.');
  await item.waitFor({ state: 'detached' });

  // It is in the log, with its reason; the filters narrow it.
  await moderator.page.locator('.console-nav a', { hasText: 'Journal de modération' }).click();
  const log = moderator.page.locator('[data-testid=moderation-log]');
  await log.locator('tr', { hasText: 'Critique légitime, pas d’abus.' }).waitFor();
  await moderator.page.getByLabel('Action', { exact: true }).selectOption('RESTORE');
  // The filtered list replaces the whole one once it arrives: the automatic hiding leaves (or this times out).
  await log.locator('tbody tr', { hasText: 'Masquage automatique' }).first().waitFor({ state: 'detached' });
  await log.locator('tr', { hasText: 'Critique légitime, pas d’abus.' }).waitFor();
  await log.locator('tbody tr').first().locator('td').nth(3).locator('button').click();
  await moderator.page.locator('.active-filter', { hasText: 'Actions de' }).waitFor();
  await log.locator('tr', { hasText: 'Critique légitime, pas d’abus.' }).waitFor();
  await expectAccessible(moderator.page, 'moderation log (fr)');
  // The content's own history: its automatic hiding and the restoration, nothing else.
  await moderator.page.goto(`${app.baseUrl}${history}`);
  await moderator.page.locator('.active-filter', { hasText: 'Uniquement l’historique de ce contenu' }).waitFor();
  await log.locator('tr', { hasText: 'Critique légitime, pas d’abus.' }).waitFor();
  await log.locator('tbody tr', { hasText: 'Masquage automatique' }).waitFor();
  expect(await log.locator('tbody tr').count()).toBe(2);
  await expectAccessible(moderator.page, 'moderation log of one content (fr)');
  await screenshot(moderator.page, 'console-log-content-fr');
  await moderator.page.getByRole('button', { name: 'Tout le journal' }).click();
  await moderator.page.locator('.active-filter').waitFor({ state: 'detached' });
  await moderator.context.close();

  // And it is back for the member.
  await openCard();
  await member.page.locator('.side-panel article.reply', { hasText: 'Réponse litigieuse à examiner.' }).waitFor();
  await member.context.close();
}, 240_000);

it('every console page passes axe in French and in Arabic (administrator)', async () => {
  const { context, page } = await newPage();
  await signIn(page, ACCOUNTS.admin);
  const firstDocument = (await app.db.query(`SELECT id FROM documents ORDER BY created_at LIMIT 1`)).rows[0].id;
  const pages: [string, string][] = [
    ['/console/consultations', 'consultations'],
    ['/console/consultations/new', 'builder'],
    ['/console/moderation', 'queue'],
    ['/console/moderation/log', 'log'],
    ['/console/answers', 'answers'],
    ['/console/organizations', 'organisations'],
    ['/console/roles', 'roles'],
    ['/console/documents', 'documents'],
    [`/console/documents/${firstDocument}`, 'document'],
  ];
  for (const [language, suffix] of [
    ['Français', 'fr'],
    ['العربية', 'ar'],
  ] as const) {
    await useLanguage(page, language);
    for (const [path, name] of pages) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('.console-nav').waitFor();
      await page.locator('.state-loading').waitFor({ state: 'detached' });
      if (name === 'roles') {
        await page.locator('.console input[type=search]').fill('a');
        await page.locator('.console input[type=search]').press('Enter');
        await page.waitForURL(/[?&]q=a/);
        await page.locator('.console-table').waitFor();
      }
      if (name === 'documents') await page.locator('.console-table').waitFor();
      if (name === 'document') await page.locator('form.console-form').waitFor();
      if (name === 'answers') await page.locator('.awaiting-item, .state-empty').first().waitFor();
      if (name === 'organisations') await page.locator('[data-testid=organization]').first().waitFor();
      await expectAccessible(page, `${name} (${suffix})`);
      await screenshot(page, `console-${name}-${suffix}`);
    }
  }
  // Answering in place: the awaiting annotations take the ministry's answer where they are listed.
  await useLanguage(page, 'Français');
  await page.goto(`${app.baseUrl}/console/answers`);
  const first = page.locator('[data-testid=awaiting-item]').first();
  await first.locator('button', { hasText: 'Répondre au nom du ministère' }).click();
  await first.locator('label', { hasText: 'Prise en note' }).locator('input').check();
  await first.locator('form.answer-form textarea').fill('Le ministère en prend note.');
  await first.locator('form.answer-form button[type=submit]').click();
  await page.locator('.answer', { hasText: 'Le ministère en prend note.' }).waitFor();

  // Organisations: a new company is verified after its ICE is shown, then joins a federation.
  const admin = (await app.signIn(ACCOUNTS.admin)).accessToken;
  const created = await app.gql(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { kind: 'COMPANY', name: 'Nouvelle Entreprise Test', ice: '001234567000088' } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  await page.locator('.console-nav a', { hasText: 'Organisations' }).click();
  await page.getByLabel('Nom ou sigle').fill('Nouvelle Entreprise');
  const card = page.locator('[data-testid=organization]', { hasText: 'Nouvelle Entreprise Test' });
  await card.locator('strong', { hasText: 'Non vérifiée' }).waitFor();
  await card.locator('button', { hasText: 'Vérifier' }).click();
  const confirm = page.locator('[role=dialog]');
  await confirm.locator('p', { hasText: '001234567000088' }).waitFor();
  await expectAccessible(page, 'verify an organisation (fr)');
  await confirm.locator('button', { hasText: 'Vérifier' }).click();
  await card.locator('.meta', { hasText: 'Vérifiée le' }).waitFor();
  await card
    .getByLabel('Ajouter à la fédération')
    .selectOption({ label: 'Fédération Marocaine de l’Offshoring (exemple)' });
  await card.locator('button', { hasText: 'Ajouter' }).click();
  await card.locator('li', { hasText: 'Fédération Marocaine' }).waitFor();
  // Platform roles: the administrator finds a person by part of their e-mail address and makes them a moderator.
  await useLanguage(page, 'Français');
  await page.goto(`${app.baseUrl}/console/roles`);
  await page.getByRole('searchbox', { name: 'Nom ou adresse e-mail' }).fill('membre@atlas');
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  const found = page.locator('.console-table tbody tr');
  await waitForCount(found, 1);
  const name = (await found.locator('th bdi').first().textContent()) ?? '';
  await page.getByLabel(`Rôle de ${name}`, { exact: true }).selectOption('MODERATOR');
  await page.getByRole('button', { name: `Enregistrer le rôle de ${name}` }).click();
  await announced(page, `Rôle de ${name} enregistré.`);
  const promoted = await app.db.query(`SELECT platform_role FROM users WHERE email = 'membre@atlas.example'`);
  expect(promoted.rows[0].platform_role).toBe('MODERATOR');
  await screenshot(page, 'console-roles-search-fr');
  await app.db.query(`UPDATE users SET platform_role = 'MEMBER' WHERE email = 'membre@atlas.example'`);

  // A document's title, status and comment window.
  await page.goto(`${app.baseUrl}/console/documents`);
  await page.locator('.console-table').waitFor();
  await page.goto(`${app.baseUrl}/console/documents/${firstDocument}`);
  const form = page.locator('form.console-form');
  await form.waitFor();
  await form.getByLabel('Clôture des commentaires').fill('2031-06-30T18:00');
  await form.getByLabel('Ouverture des commentaires').fill('2031-07-01T09:00');
  await form.getByRole('button', { name: 'Enregistrer le document' }).click();
  await form.getByText('La clôture doit venir après l’ouverture.').waitFor();
  await form.getByLabel('Ouverture des commentaires').fill('2031-06-01T09:00');
  await form.getByRole('button', { name: 'Enregistrer le document' }).click();
  await announced(page, 'Document enregistré.');
  const windowSaved = await app.db.query(`SELECT comments_close_at FROM documents WHERE id = $1`, [firstDocument]);
  expect(new Date(windowSaved.rows[0].comments_close_at).getFullYear()).toBe(2031);
  await screenshot(page, 'console-document-edit-fr');

  await context.close();
}, 300_000);
