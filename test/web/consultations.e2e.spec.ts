/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contribute, openConsultation } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { screenshot, seriousViolations, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import type { TestApp } from '../support/test-app';

/**
 * Consultations from an organisation's side, in Chromium on the real API: joining, editing together (the merge view
 * on CONFLICT), submitting, the receipt and its public check; published results with charts and tables. axe on
 * every page in French and Arabic.
 */
type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;
let app: TestApp;
let browser: Browser;
let token: Record<Account, string>;
let org: Record<string, string>;
let openId: string;
let publishedId: string;

async function gql<T>(query: string, variables: Record<string, unknown>, who: Account): Promise<T> {
  const response = await app.gql<T>(query, variables, token[who]);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

const BY_ID = `mutation($input: ConsultationIdInput!) { NAME(input: $input) { consultation { id } } }`;

browserSuite((suite) => ({ app, browser } = suite));
beforeAll(async () => {
  token = await signInDemoAccounts(app);
  org = await sampleOrganizationIds(app);
  const document = (await app.db.query(`SELECT id FROM documents ORDER BY created_at LIMIT 1`)).rows[0].id as string;
  const now = app.clock.now().getTime();
  openId = (
    await openConsultation(app, token.moderator, {
      title: 'Consultation sur le plafond de formation',
      summary: 'Votre avis sur l’aide à la formation initiale.',
      closesAt: new Date(now + 50 * HOUR),
      documentIds: [document],
      questions: [
        { kind: 'TEXT', prompt: 'Votre appréciation générale', required: true, maxLength: 2000 },
        {
          kind: 'SINGLE_CHOICE',
          prompt: 'Le plafond est-il adapté ?',
          options: ['Oui', 'Non', 'Sans avis'],
          required: true,
          citation: { documentId: document, versionNumber: 2, sectionKey: 'art-3' },
        },
        { kind: 'MULTI_CHOICE', prompt: 'Vos familles de métiers', options: ['CRM', 'BPO', 'ITO'] },
        { kind: 'SCALE', prompt: 'Clarté du cadre incitatif' },
      ],
    })
  ).id;

  // A second one, answered by three organisations, closed, with its results published.
  const done = await openConsultation(app, token.moderator, {
    title: 'Consultation sur les zones d’activité',
    invitedOrganizationIds: [org['ADI']],
    questions: [
      { kind: 'TEXT', prompt: 'Votre avis', required: true },
      { kind: 'SINGLE_CHOICE', prompt: 'Faut-il plus de zones ?', options: ['oui', 'non'], required: true },
      { kind: 'SCALE', prompt: 'Connectivité' },
    ],
  });
  publishedId = done.id;
  const questions = done.questions;
  const plans: [Account, string, string, string, string, number][] = [
    ['federationRepresentative', 'FMO', 'PUBLIC_NAMED', 'Avis nommé de la fédération.', 'oui', 4],
    ['companyRepresentative', 'Atlas', 'PUBLIC_ANONYMOUS', 'Avis anonyme d’une entreprise.', 'oui', 2],
    ['otherRepresentative', 'ADI', 'CONFIDENTIAL', 'Chiffres internes confidentiels.', 'non', 5],
  ];
  for (const [who, organization, consent, text, choice, scale] of plans)
    await contribute(app, token[who], {
      consultationId: publishedId,
      organizationId: org[organization],
      consent,
      answers: [
        { questionId: questions[0]!.id, text },
        { questionId: questions[1]!.id, choices: [choice] },
        { questionId: questions[2]!.id, scale },
      ],
    });
  await gql(
    'mutation($input: CloseConsultationInput!) { closeConsultation(input: $input) { consultation { id } } }',
    { input: { id: publishedId, reason: 'Fin de la consultation' } },
    'moderator',
  );
  await gql(
    `mutation($input: WriteSynthesisInput!) { writeConsultationSynthesis(input: $input) { consultation { id } } }`,
    {
      input: {
        id: publishedId,
        synthesis: 'Les participants demandent **plus de zones** bien connectées.',
        responses: [{ questionId: questions[1]!.id, response: 'Deux zones nouvelles seront étudiées.' }],
      },
    },
    'moderator',
  );
  await gql(BY_ID.replace('NAME', 'publishConsultationResults'), { input: { id: publishedId } }, 'moderator');
}, 180_000);

async function signedIn(account: Account, locale: 'fr-FR' | 'ar-MA' = 'fr-FR') {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await signInThroughPage(page, app.baseUrl, ACCOUNTS[account], { path: '/' });
  await page.locator('.document-list a').first().waitFor();
  // The interface follows the person's saved language: choose the one under test (it is saved with the person).
  await page.locator('.languages button', { hasText: locale === 'ar-MA' ? 'العربية' : 'Français' }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale.slice(0, 2));
  return { context, page };
}

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

async function waitSaved(page: Page) {
  await page.locator('[data-testid=autosave-status][data-status=saved]').waitFor();
}

it('a company representative joins, saves a draft, merges a colleague’s edit, submits, and verifies the receipt', async () => {
  const contexts: BrowserContext[] = [];
  try {
    const representative = await signedIn('companyRepresentative');
    contexts.push(representative.context);
    const page = representative.page;
    await page.locator('.primary-nav a', { hasText: 'Consultations' }).click();
    await page.locator('h2', { hasText: 'Ouvertes' }).waitFor();
    expect(await page.locator('.countdown').first().textContent()).toMatch(/\d+ j \d\d:\d\d:\d\d/);
    await checkPage(page, 'consultations-list-fr');

    await page.locator('a', { hasText: 'Consultation sur le plafond de formation' }).click();
    await page.locator('button', { hasText: 'Rejoindre au nom de' }).click();
    const general = page.getByRole('textbox', { name: /Votre appréciation générale/ });
    await general.fill('Première version de notre avis.');
    await waitSaved(page);
    expect(await page.locator('[data-testid=autosave-status]').textContent()).toContain('version');
    // The cited article opens in the reader at that article.
    expect(await page.getByRole('link', { name: /art-3/ }).getAttribute('href')).toMatch(/^\/read\/[^/]+\/2#art-3$/);
    expect(await page.locator('.server-clock').textContent()).toContain('UTC');
    await checkPage(page, 'consultation-draft-fr');

    // A colleague edits the same draft at the same time.
    const colleague = await signedIn('companyMember');
    contexts.push(colleague.context);
    await colleague.page.goto(`${app.baseUrl}/consultations/${openId}`);
    const theirs = colleague.page.getByRole('textbox', { name: /Votre appréciation générale/ });
    await theirs.waitFor();
    expect(await theirs.inputValue()).toBe('Première version de notre avis.');
    await theirs.fill('Texte proposé par le collègue.');
    await colleague.page.getByRole('radio', { name: 'Non', exact: true }).check();
    await waitSaved(colleague.page);
    expect(await colleague.page.locator('.submit-hint, .hint', { hasText: 'Seul un représentant' }).count()).toBe(1);

    // The representative, still on the older version, changes the same answer: the merge view appears.
    await general.fill('Notre avis final, après discussion.');
    const merge = page.locator('.merge-view');
    await merge.waitFor();
    expect(await merge.textContent()).toContain('Texte proposé par le collègue.');
    expect(await merge.textContent()).toContain('Notre avis final, après discussion.');
    expect(await merge.textContent()).toContain('Question 2'); // taken from the colleague without asking
    await checkPage(page, 'consultation-merge-fr');
    await merge.getByRole('radio', { name: 'Garder ma réponse' }).check();
    await merge.getByRole('button', { name: 'Enregistrer la fusion' }).click();
    await merge.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(await general.inputValue()).toBe('Notre avis final, après discussion.');
    expect(await page.getByRole('radio', { name: 'Non', exact: true }).isChecked()).toBe(true);
    // Who changed what and when.
    await page.locator('.contribution-history button', { hasText: 'Actualiser' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.history-list li').length >= 3);
    expect(await page.locator('.history-list').textContent()).toContain('Question 1');

    // The internal discussion is a thread's reply tree, live: a message, a colleague's nested reply mentioning the
    // representative (chosen in the mention list), and the representative's answer to it, three levels deep.
    const discussion = page.locator('.contribution-discussion');
    await discussion.getByRole('button', { name: 'Écrire un message' }).click();
    await discussion.getByRole('combobox', { name: 'Votre réponse (Markdown)' }).fill('Faut-il chiffrer le surcoût ?');
    await discussion.getByRole('button', { name: 'Publier la réponse' }).click();
    await discussion.getByRole('article', { name: 'Réponse de Omar Tazi' }).waitFor();
    // The colleague's page, open all along, shows it live.
    const theirDiscussion = colleague.page.locator('.contribution-discussion');
    const opening = theirDiscussion.getByRole('article', { name: 'Réponse de Omar Tazi' });
    await opening.getByRole('button', { name: 'Répondre' }).click();
    const answer = theirDiscussion.getByRole('combobox', { name: 'Votre réponse à ce message (Markdown)' });
    await answer.pressSequentially('Oui, 25 % de plus. @Oma');
    await colleague.page.getByRole('option', { name: /Omar Tazi/ }).click();
    await theirDiscussion.getByRole('button', { name: 'Publier la réponse' }).click();
    await theirDiscussion.getByRole('article', { name: 'Réponse de Claire Martin' }).waitFor();
    // And the representative sees the answer arrive live, nested under the message.
    const reply = discussion.getByRole('article', { name: 'Réponse de Claire Martin' });
    await reply.waitFor();
    // The mention shows the name in the text (the API resolved it and told Omar Tazi).
    expect(await reply.textContent()).toMatch(/25 % de plus\.\s*@?Omar Tazi/);
    await reply.getByRole('button', { name: 'Répondre' }).click();
    await discussion
      .getByRole('combobox', { name: 'Votre réponse à ce message (Markdown)' })
      .fill('Merci, je l’ajoute à la question 1.');
    await discussion.getByRole('button', { name: 'Publier la réponse' }).click();
    const deepest = discussion.locator('ol.replies ol.replies ol.replies article', {
      hasText: 'Merci, je l’ajoute à la question 1.',
    });
    await deepest.waitFor();
    // Three levels deep: no further "Reply" there.
    expect(await deepest.getByRole('button', { name: 'Répondre' }).count()).toBe(0);
    await discussion.scrollIntoViewIfNeeded();
    await checkPage(page, 'contribution-discussion-fr');

    // Submit: the receipt.
    await page.getByRole('button', { name: 'Soumettre la contribution' }).click();
    await page.locator('h1', { hasText: 'Accusé de réception' }).waitFor();
    const tracking = (await page.locator('[data-testid=tracking-number]').textContent())!.trim();
    const digest = (await page.locator('[data-testid=digest]').textContent())!.trim();
    expect(tracking).toMatch(/^MJ-\d{8}-[A-Z2-9]{8}$/);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    // Both server times: the one the deadline judges, and when it was processed.
    expect(await page.locator('.receipt dt').allTextContents()).toEqual(
      expect.arrayContaining(['Reçue le (horloge du serveur)', 'Traitée le (horloge du serveur)']),
    );
    await checkPage(page, 'receipt-fr');

    // Anyone checks it on the public page, without signing in.
    const visitor = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1360, height: 900 } });
    contexts.push(visitor);
    const check = await visitor.newPage();
    await check.goto(`${app.baseUrl}/verify-receipt`);
    await check.getByRole('textbox', { name: 'Numéro de suivi' }).fill(tracking);
    await check.getByRole('textbox', { name: 'Empreinte SHA-256' }).fill(digest);
    await check.getByRole('button', { name: 'Vérifier' }).click();
    const result = check.locator('[data-testid=verify-result]');
    await result.waitFor();
    expect(await result.getAttribute('data-valid')).toBe('true');
    expect(await result.textContent()).toContain('dernière soumission');
    await checkPage(check, 'verify-receipt-fr');
    await check.getByRole('textbox', { name: 'Empreinte SHA-256' }).fill('0'.repeat(64));
    await check.getByRole('button', { name: 'Vérifier' }).click();
    await check.locator('[data-testid=verify-result][data-valid=false]').waitFor();
  } finally {
    for (const context of contexts) await context.close();
  }
  // Two people, a nested discussion and the receipt: room on a loaded machine, not a timing goal.
}, 180_000);

it('shows published results: a chart and its table per question, texts under their consent, the ministry’s synthesis', async () => {
  const { context, page } = await signedIn('companyMember');
  try {
    await page.goto(`${app.baseUrl}/consultations/${publishedId}/results`);
    await page.locator('h2', { hasText: 'Synthèse du ministère' }).waitFor();
    await page.locator('.result-chart svg').first().waitFor();
    const table = page.locator('table.result-table').first();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.some((row) => row.startsWith('oui'))).toBe(true);
    expect(await page.locator('.text-answers').first().textContent()).toContain('Avis nommé de la fédération.');
    expect(await page.locator('body').textContent()).not.toContain('Chiffres internes confidentiels.');
    expect(await page.locator('body').textContent()).toContain('1 réponse confidentielle est comptée mais non citée.');
    expect(await page.locator('body').textContent()).toContain('Deux zones nouvelles seront étudiées.');
    await checkPage(page, 'results-fr');
    await page.locator('.result-figure').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'results-chart-fr');
  } finally {
    await context.close();
  }
});

it('every consultation page passes axe in Arabic, right to left', async () => {
  const { context, page } = await signedIn('federationRepresentative', 'ar-MA');
  try {
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.goto(`${app.baseUrl}/consultations`);
    await page.locator('h1', { hasText: 'الاستشارات' }).waitFor();
    await checkPage(page, 'consultations-list-ar');
    await page.goto(`${app.baseUrl}/consultations/${openId}`);
    await page.locator('button', { hasText: 'الانضمام باسم' }).click();
    await page.locator('[data-testid=autosave-status]').waitFor();
    await checkPage(page, 'consultation-ar');
    // The internal discussion, nested, in Arabic.
    const discussion = page.locator('.contribution-discussion');
    await discussion.getByRole('button', { name: 'كتابة رسالة' }).click();
    await discussion.getByRole('textbox').or(discussion.getByRole('combobox')).first().fill('ما رأيكم في الصياغة؟');
    await discussion.locator('form button[type=submit]').click();
    const first = discussion.locator('article.reply').first();
    await first.waitFor();
    await first.getByRole('button', { name: 'الرد' }).click();
    await discussion.locator('form textarea').fill('موافق، مع تعديل بسيط.');
    await discussion.locator('form button[type=submit]').click();
    await discussion.locator('ol.replies ol.replies article', { hasText: 'موافق' }).waitFor();
    await discussion.scrollIntoViewIfNeeded();
    await checkPage(page, 'contribution-discussion-ar');
    await page.goto(`${app.baseUrl}/consultations/${publishedId}/receipt/${org['FMO']}`);
    await page.locator('[data-testid=tracking-number]').waitFor();
    expect(await page.locator('.receipt dt', { hasText: 'تاريخ المعالجة' }).count()).toBe(1);
    await checkPage(page, 'receipt-ar');
    await page.goto(`${app.baseUrl}/consultations/${publishedId}/results`);
    await page.locator('.result-chart svg').first().waitFor();
    await checkPage(page, 'results-ar');
    await page.locator('.result-figure').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'results-chart-ar');
    await page.goto(`${app.baseUrl}/verify-receipt`);
    await page.locator('h1', { hasText: 'التحقق من وصل الاستلام' }).waitFor();
    await checkPage(page, 'verify-receipt-ar');
  } finally {
    await context.close();
  }
});

it('a federation sets what its member companies submitted beside its draft, and takes an answer into it', async () => {
  // Atlas (a member of FMO) chooses to publish its contribution under its name and submits again: now shared.
  const input = { consultationId: openId, organizationId: org['Atlas'] };
  const current = await gql<{ contribution: { version: number } }>(
    `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { version } }`,
    { c: openId, o: org['Atlas'] },
    'companyRepresentative',
  );
  await gql(
    `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`,
    { input: { ...input, version: current.contribution.version, consent: 'PUBLIC_NAMED' } },
    'companyRepresentative',
  );
  await gql(
    `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber } } }`,
    { input },
    'companyRepresentative',
  );
  for (const [locale, take] of [
    ['ar-MA', 'أخذ جواب Atlas Relation Client SARL (exemple) عن السؤال 1'],
    ['fr-FR', 'Reprendre la réponse de Atlas Relation Client SARL (exemple) à la question 1'],
  ] as const) {
    const { context, page } = await signedIn('federationRepresentative', locale);
    try {
      await page.goto(`${app.baseUrl}/consultations/${openId}`);
      const members = page.locator('.member-contributions');
      const table = members.getByRole('table').first();
      await table.waitFor();
      expect(await table.locator('caption').textContent()).toContain('1');
      expect(await table.textContent()).toContain('Notre avis final, après discussion.');
      await members.scrollIntoViewIfNeeded();
      await checkPage(page, `federation-members-${locale.slice(0, 2)}`);
      if (locale === 'fr-FR') {
        await members.getByRole('button', { name: take }).click();
        const general = page.getByRole('textbox', { name: /Votre appréciation générale/ });
        expect(await general.inputValue()).toBe('Notre avis final, après discussion.');
        await waitSaved(page);
        expect(await table.locator('tbody tr').first().textContent()).toContain('Notre avis final, après discussion.');
      } else expect(await members.getByRole('button', { name: take }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }
}, 180_000);
