/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use the DOM types.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, useLanguage, expectAccessible, signInThroughPage, DEMO_PASSWORD } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * The account area in Chromium against the real API: a representative invites people, follows, resends and
 * withdraws invitations; the invitee accepts from the link and lands in the organisation; changing one's password
 * and signing in with it; downloading one's data; deleting one's account after its confirmation. axe-core on every
 * page of the area in French and Arabic; screenshots in tmp/screenshots/.
 */
jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;
const NEW_PASSWORD = 'une longue phrase pour entrer';
const NEWER_PASSWORD = 'encore une autre phrase solide';

browserSuite((suite) => ({ app, browser } = suite));

async function newPage(locale: 'fr-FR' | 'ar-MA' = 'fr-FR'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signInThroughPage(page, app.baseUrl, email, { password });
}

/** Invites `email` from the organisation page and returns the link shown once. */
async function invite(page: Page, email: string): Promise<string> {
  await page.getByLabel('Adresse e-mail de la personne').fill(email);
  await page.getByRole('button', { name: 'Inviter', exact: true }).click();
  const link = page.getByTestId('invitation-link').locator('input');
  await page.getByTestId('invitation-link').filter({ hasText: email }).waitFor();
  return link.inputValue();
}

/** Reads `read` until it gives `expected` (what the page saved reaches the database), or gives up after a while. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 50 && value !== expected; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const pendingRow = (page: Page, email: string) => page.locator('tbody tr', { hasText: email });

let acceptedLink = '';
let withdrawnLink = '';
let replacedLink = '';

it('lets a representative invite, see, resend and withdraw invitations, in French and Arabic', async () => {
  const { context, page } = await newPage();
  await signIn(page, 'representant@fmo.example');

  // The header's account link leads to the profile; the page says where one is.
  await page.locator('.account-link').click();
  await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
  expect(await page.title()).toBe('Mon profil · Majlis');
  expect(await page.locator('.account-link').getAttribute('aria-current')).toBe('page');
  expect(await page.locator('.breadcrumbs [aria-current=page]').textContent()).toBe('Mon compte');

  await page.locator('.account-nav').getByRole('link', { name: 'Organisations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes organisations' }).waitFor();
  await page.locator('.organization-list a').first().click();
  await page.getByRole('heading', { level: 2, name: 'Inviter une personne' }).waitFor();
  const organizationName = (await page.locator('h1').textContent()) ?? '';
  expect(await page.title()).toBe(`${organizationName} · Majlis`);

  const first = await invite(page, 'nouvelle.membre@example.ma');
  expect(first).toMatch(new RegExp(`^${app.baseUrl}/invitations/accept\\?token=`));
  withdrawnLink = await invite(page, 'a.retirer@example.ma');
  await pendingRow(page, 'nouvelle.membre@example.ma').waitFor();
  await pendingRow(page, 'a.retirer@example.ma').waitFor();
  expect(await page.getByRole('heading', { level: 2, name: '2 invitations en attente' }).count()).toBe(1);

  // Resend: a new link replaces the first.
  await pendingRow(page, 'nouvelle.membre@example.ma')
    .getByRole('button', { name: 'Renvoyer l’invitation à nouvelle.membre@example.ma' })
    .click();
  await page.getByText('Nouveau lien créé pour nouvelle.membre@example.ma', { exact: false }).first().waitFor();
  const resent = page.locator('.account-section [data-testid=invitation-link]', {
    hasText: 'nouvelle.membre@example.ma',
  });
  acceptedLink = await resent.locator('input').inputValue();
  expect(acceptedLink).toMatch(/\/invitations\/accept\?token=/);
  expect(acceptedLink).not.toBe(first);
  replacedLink = first;

  // Withdraw, by keyboard, after the confirmation dialog.
  const withdraw = pendingRow(page, 'a.retirer@example.ma').getByRole('button', { name: 'Retirer l’invitation' });
  await withdraw.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('Le lien envoyé ne fonctionnera plus');
  await expectAccessible(page, 'withdraw dialog (fr)');
  await dialog.getByRole('button', { name: 'Retirer l’invitation' }).click();
  await pendingRow(page, 'a.retirer@example.ma').waitFor({ state: 'detached' });
  expect(await pendingRow(page, 'nouvelle.membre@example.ma').count()).toBe(1);

  await expectAccessible(page, 'organisation (fr)');
  await screenshot(page, 'account-organization-fr');
  for (const [name, path] of [
    ['profile', '/account'],
    ['organisations', '/account/organizations'],
    ['password', '/account/password'],
    ['data', '/account/data'],
  ] as const) {
    await page.goto(`${app.baseUrl}${path}`);
    await page.locator('h1').waitFor();
    await expectAccessible(page, `${name} (fr)`);
  }

  await page.goto(`${app.baseUrl}/account/organizations`);
  await page.locator('.organization-list a').first().click();
  await pendingRow(page, 'nouvelle.membre@example.ma').waitFor();
  await useLanguage(page, 'العربية');
  await page.getByRole('heading', { level: 2, name: 'دعوة شخص' }).waitFor();
  expect(await page.title()).toBe(`${organizationName} · Majlis`);
  await expectAccessible(page, 'organisation (ar)');
  await screenshot(page, 'account-organization-ar');
  for (const [name, path, heading] of [
    ['profile', '/account', 'ملفي الشخصي'],
    ['organisations', '/account/organizations', 'هيئاتي'],
    ['password', '/account/password', 'تغيير كلمة المرور'],
    ['data', '/account/data', 'بياناتي'],
  ] as const) {
    await page.goto(`${app.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(await page.title()).toBe(`${heading} · Majlis`);
    await expectAccessible(page, `${name} (ar)`);
    if (name === 'data') await screenshot(page, 'account-data-ar');
    if (name === 'profile') await screenshot(page, 'account-profile-ar');
  }
  await useLanguage(page, 'Français');
  await context.close();
});

it('lets the invitee accept from the link and land in the organisation; old and withdrawn links say why not', async () => {
  const arabic = await newPage('ar-MA');
  await arabic.page.goto(acceptedLink);
  await arabic.page.getByRole('heading', { level: 2, name: 'حسابكم' }).waitFor();
  await expectAccessible(arabic.page, 'accept invitation (ar)');
  await screenshot(arabic.page, 'account-accept-ar');
  await arabic.context.close();

  const { context, page } = await newPage();
  await page.goto(replacedLink);
  await page.getByText('Ce lien d’invitation n’est pas valable ou a été retiré.').waitFor();
  await page.goto(withdrawnLink);
  await page.getByText('Ce lien d’invitation n’est pas valable ou a été retiré.').waitFor();
  await expectAccessible(page, 'accept invitation, withdrawn link (fr)');

  await page.goto(acceptedLink);
  await page.getByText('nouvelle.membre@example.ma', { exact: false }).first().waitFor();
  expect(await page.locator('.invitation-summary').textContent()).toContain('en tant que membre');
  await expectAccessible(page, 'accept invitation (fr)');
  await screenshot(page, 'account-accept-fr');
  // Nothing typed: each missing field is said on it.
  await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  expect(await page.getByLabel('Nom affiché').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Nom affiché').fill('Nadia Berrada');
  await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse');
  await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await page.locator('.field-error').first().waitFor();
  await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await page.getByText(/Bienvenue dans/).waitFor();
  expect(page.url()).toMatch(/\/account\/organizations\/[0-9a-f-]+$/);
  expect(await page.locator('.account-link').textContent()).toContain('Nadia Berrada');
  expect(await page.locator('tbody').textContent()).toContain('Nadia Berrada');
  await context.close();
});

it('lets a representative edit the organisation (a concurrent edit keeps the draft) and a moderator change a member’s role, in French and Arabic', async () => {
  const { rows } = await app.db.query(
    `SELECT o.id, o.name FROM organizations o JOIN memberships m ON m.organization_id = o.id
       JOIN users u ON u.id = m.user_id WHERE u.email = 'nouvelle.membre@example.ma'`,
  );
  const { id: organizationId, name: organizationName } = rows[0] as { id: string; name: string };
  const description = 'Fédère les entreprises de l’offshoring — مراكز الاتصال';

  const representative = await newPage();
  let page = representative.page;
  await signIn(page, 'representant@fmo.example');
  await page.goto(`${app.baseUrl}/account/organizations/${organizationId}`);
  await page.getByRole('heading', { level: 2, name: 'Présentation de l’organisation' }).waitFor();
  // A representative edits the organisation but does not name representatives: no role control, a hint says who does.
  expect(await page.getByLabel('Rôle de Nadia Berrada', { exact: true }).count()).toBe(0);
  await page.getByText('décidé par les modérateurs du ministère', { exact: false }).waitFor();

  // Someone else saves meanwhile: CONFLICT reads the organisation again and keeps what was typed.
  await page.getByLabel('Description (facultative)').fill(description);
  await app.db.query(`UPDATE organizations SET version = version + 1 WHERE id = $1`, [organizationId]);
  await page.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  await page.getByText('L’organisation a été modifiée par quelqu’un d’autre entre-temps', { exact: false }).waitFor();
  expect(await page.getByLabel('Description (facultative)').inputValue()).toBe(description);
  await expectAccessible(page, 'organisation edit, conflict (fr)');
  await page.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  await page.getByText('L’organisation a été modifiée', { exact: false }).waitFor({ state: 'detached' });
  const savedDescription = async () =>
    (await app.db.query(`SELECT description FROM organizations WHERE id = $1`, [organizationId])).rows[0]
      .description as string | null;
  expect(await eventually(savedDescription, description)).toBe(description);
  await page.reload();
  await page.getByLabel('Description (facultative)').waitFor();
  expect(await page.getByLabel('Description (facultative)').inputValue()).toBe(description);
  // An empty name is said on the field, and nothing is sent.
  await page.getByLabel('Nom', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  expect(await page.getByLabel('Nom', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('Nom', { exact: true }).evaluate((field) => field === document.activeElement)).toBe(
    true,
  );
  await page.getByLabel('Nom', { exact: true }).fill(organizationName);
  await screenshot(page, 'account-organization-edit-fr');
  await representative.context.close();

  // A moderator reaches the organisation from the console and makes the new member a representative, then not.
  const moderator = await newPage();
  page = moderator.page;
  await signIn(page, 'moderatrice@mtnra.example');
  await page.goto(`${app.baseUrl}/console/organizations`);
  await page.getByRole('link', { name: `Présentation et personnes de ${organizationName}` }).click();
  await page.getByRole('heading', { level: 1, name: organizationName }).waitFor();
  const role = page.getByLabel('Rôle de Nadia Berrada', { exact: true });
  await role.selectOption('REPRESENTATIVE');
  await page.getByRole('button', { name: 'Changer le rôle de Nadia Berrada' }).click();
  const roleOf = async () =>
    (
      await app.db.query(
        `SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'nouvelle.membre@example.ma'`,
      )
    ).rows[0].role as string;
  expect(await eventually(roleOf, 'REPRESENTATIVE')).toBe('REPRESENTATIVE');
  await expectAccessible(page, 'organisation, moderator (fr)');
  await screenshot(page, 'account-organization-roles-fr');
  await useLanguage(page, 'العربية');
  await page.getByRole('heading', { level: 2, name: 'تعريف المنظمة' }).waitFor();
  await page.getByLabel('دور Nadia Berrada', { exact: true }).selectOption('MEMBER');
  await page.getByRole('button', { name: 'تغيير الدور لـ Nadia Berrada' }).click();
  expect(await eventually(roleOf, 'MEMBER')).toBe('MEMBER');
  await expectAccessible(page, 'organisation, moderator (ar)');
  await screenshot(page, 'account-organization-roles-ar');
  await useLanguage(page, 'Français');
  await moderator.context.close();
});

it('changes the password (a wrong current one said on its field), then signs in with the new one', async () => {
  const { context, page } = await newPage();
  await signIn(page, 'nouvelle.membre@example.ma', NEW_PASSWORD);
  await page.locator('.account-link').click();
  await page.locator('.account-nav').getByRole('link', { name: 'Mot de passe' }).click();
  await page.getByRole('heading', { level: 1, name: 'Changer de mot de passe' }).waitFor();
  await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEWER_PASSWORD);
  await page.getByLabel('Nouveau mot de passe, une seconde fois').fill(NEWER_PASSWORD);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByText('Ce mot de passe n’est pas le bon.').waitFor();
  expect(await page.getByLabel('Mot de passe actuel').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('Nouveau mot de passe', { exact: true }).inputValue()).toBe(NEWER_PASSWORD);
  await page.getByLabel('Mot de passe actuel').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByText('Mot de passe changé.', { exact: false }).first().waitFor();
  await screenshot(page, 'account-password-fr');

  await page.locator('.account button').click(); // sign out
  await page.locator('input[type=email]').waitFor();
  await signIn(page, 'nouvelle.membre@example.ma', NEWER_PASSWORD);
  await context.close();
});

it('saves the profile by keyboard, downloads the data, and deletes the account after saying what stays and goes', async () => {
  const { context, page } = await newPage();
  await signIn(page, 'nouvelle.membre@example.ma', NEWER_PASSWORD);
  await page.goto(`${app.baseUrl}/account`);
  const name = page.getByLabel('Nom affiché');
  await name.fill('Nadia B.');
  await name.press('Enter');
  await page.waitForFunction(() => document.querySelector('.account-link')?.textContent?.includes('Nadia B.'));

  await page.locator('.account-nav').getByRole('link', { name: 'Mes données' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger mes données' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('majlis-personal-data.json');
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    person: { email: string; displayName: string };
    memberships: { role: string }[];
  };
  expect(exported.person).toEqual(
    expect.objectContaining({ email: 'nouvelle.membre@example.ma', displayName: 'Nadia B.' }),
  );
  expect(exported.memberships).toEqual([expect.objectContaining({ role: 'MEMBER' })]);

  await page.getByRole('button', { name: 'Supprimer mon compte…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('Ce qui est effacé');
  expect(await dialog.textContent()).toContain('Ce qui reste');
  await expectAccessible(page, 'delete account dialog (fr)');
  await screenshot(page, 'account-delete-fr');
  await dialog.getByLabel('Votre mot de passe, pour confirmer').fill(NEWER_PASSWORD);
  await dialog.getByRole('button', { name: 'Supprimer mon compte' }).click();
  await dialog.getByText('Cochez la case pour confirmer que vous avez compris.').waitFor();
  await dialog.getByLabel('J’ai compris : mon compte sera supprimé définitivement.').check();
  await dialog.getByRole('button', { name: 'Supprimer mon compte' }).click();
  await page.getByText('Votre compte a été supprimé.', { exact: false }).waitFor();

  await page.locator('input[type=email]').fill('nouvelle.membre@example.ma');
  await page.locator('input[type=password]').fill(NEWER_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.locator('.sign-in [role=alert]').filter({ hasText: /./ }).last().waitFor();
  expect(await page.locator('.account-link').count()).toBe(0);
  await context.close();
});
