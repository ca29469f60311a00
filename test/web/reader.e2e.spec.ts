/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser: they use the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, useLanguage, expectAccessible, signInThroughPage } from '../support/browser';
import { browserSuite } from '../support/browser-suite';

/**
 * The web client in a real browser (Debian's Chromium through playwright-core) against the real API on PostgreSQL,
 * with the sample data: sign-in, annotating by mouse and by keyboard, visibility, the ministry's answer, versions,
 * Arabic (right-to-left), and axe-core on every page in French and Arabic.
 */
let app: TestApp;
let browser: Browser;

browserSuite((suite) => ({ app, browser } = suite));

async function newPage(locale: 'fr-FR' | 'ar-MA' = 'fr-FR'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

async function signIn(page: Page, email: string): Promise<void> {
  await signInThroughPage(page, app.baseUrl, email, { path: '/' });
  await page.locator('.document-list a').first().waitFor();
}

async function openCircular(page: Page): Promise<void> {
  await page.locator('.document-list a').first().click();
  await page.locator('.version-text [data-offset]').first().waitFor();
}

/** Drags the mouse over a passage of the rendered text, from its first character to its last. */
async function selectWithMouse(page: Page, passage: string): Promise<void> {
  const box = await page.evaluate((exact) => {
    for (const block of document.querySelectorAll<HTMLElement>('.version-text [data-offset]')) {
      const text = block.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const at = (text.textContent ?? '').indexOf(exact);
      if (at < 0) continue;
      const rect = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, to);
        const r = range.getClientRects()[0]!;
        return { left: r.left, right: r.right, y: r.top + r.height / 2 };
      };
      block.scrollIntoView({ block: 'center' });
      return { first: rect(at, at + 1), last: rect(at + exact.length - 1, at + exact.length) };
    }
    return null;
  }, passage);
  if (!box) throw new Error(`passage not rendered: ${passage}`);
  const rtl = await page.evaluate(() => document.documentElement.dir === 'rtl');
  const startX = rtl ? box.first.right - 1 : box.first.left + 1;
  const endX = rtl ? box.last.left + 1 : box.last.right - 1;
  await page.mouse.move(startX, box.first.y);
  await page.mouse.down();
  await page.mouse.move(endX, box.last.y, { steps: 8 });
  await page.mouse.up();
}

async function annotateSelection(page: Page, body: string, visibility: 'PUBLIC' | 'ORGANIZATION' = 'PUBLIC') {
  await page.locator('button.annotate').click();
  const form = page.locator('form.composer');
  await form.locator('textarea').first().fill(body);
  await form.locator(`input[type=radio][value=${visibility}]`).check();
  await form.locator('button[type=submit]').click();
  await page.locator('.side-panel .card').waitFor();
}

it('signs in, annotates a passage selected with the mouse, and shows it highlighted', async () => {
  const { context, page } = await newPage();
  await page.goto(`${app.baseUrl}/`);
  await page.locator('input[type=email]').waitFor();
  await expectAccessible(page, 'sign-in (fr)');
  await signIn(page, 'membre@fmo.example');
  await useLanguage(page, 'Français');
  await expectAccessible(page, 'documents (fr)');
  await openCircular(page);
  await expectAccessible(page, 'reader (fr)');

  const passage =
    "les entreprises éligibles au sens de l'article 2 peuvent bénéficier d'une aide à la formation continue";
  await selectWithMouse(page, passage);
  await annotateSelection(page, 'Précisez le plafond annuel **par salarié**.');
  await expect(page.locator('.side-panel .card blockquote').textContent()).resolves.toBe(passage);
  // The highlight is drawn once the reader's list of annotations has been refreshed: wait for it, do not read it once.
  await page.waitForFunction((text) => {
    const ranges = [
      ...((CSS.highlights as unknown as Map<string, Iterable<Range>>).get('majlis-commenting') ?? []),
    ] as Range[];
    return ranges
      .map((range) => range.toString())
      .join('|')
      .includes(text);
  }, passage);
  await expectAccessible(page, 'reader with a card (fr)');
  await screenshot(page, 'reader-fr');
  await context.close();
});

it('annotates with the keyboard only (reading cursor), and both annotations are highlighted', async () => {
  const { context, page } = await newPage();
  await signIn(page, 'membre@fmo.example');
  await useLanguage(page, 'Français');
  await openCircular(page);
  await page.goto(`${page.url()}#art-5`);
  await page.locator('.version-text').focus();
  // The cursor starts on the first word of article 5 (its heading); next sentence = the heading, then the first sentence.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  const selected = await page.locator('main [aria-live=polite].visually-hidden').textContent();
  expect(selected!.length).toBeGreaterThan(10);
  await page.keyboard.press('Enter');
  const form = page.locator('form.composer');
  await form.waitFor();
  await form.locator('textarea').first().focus();
  await page.keyboard.type('Proposition faite au clavier.');
  await form.locator('button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await page.locator('.side-panel .card').waitFor();
  const quote = await page.locator('.side-panel .card blockquote').first().textContent();
  expect(selected!.startsWith(quote!.slice(0, 10))).toBe(true);
  const highlighted = await page.evaluate(() =>
    [...((CSS.highlights as unknown as Map<string, Iterable<Range>>).get('majlis-commenting') ?? [])].map((r) =>
      (r as Range).toString(),
    ),
  );
  expect(highlighted.some((text) => text.includes(quote!.slice(0, 20)))).toBe(true);
  expect(highlighted.some((text) => text.includes('peuvent bénéficier d'))).toBe(true);
  // Keys move from highlight to highlight, opening each card.
  await page.locator('.version-text').focus();
  await page.keyboard.press(']');
  await page.locator('.side-panel .card').waitFor();
  await page.locator('#keyboard-help-title').waitFor({ state: 'detached' });
  await page.keyboard.press('?');
  await page.locator('#keyboard-help-title').waitFor();
  await expectAccessible(page, 'reader with keyboard help (fr)');
  await context.close();
});

it('hides an ORGANIZATION annotation from another organisation, and shows the ministry’s answer to the member', async () => {
  const { context, page } = await newPage();
  await signIn(page, 'representant@fmo.example');
  await useLanguage(page, 'Français');
  await openCircular(page);
  const passage = "notamment l'analyse de données, la cybersécurité et l'ingénierie logicielle";
  await selectWithMouse(page, passage);
  await annotateSelection(page, 'Position interne de la FMO, à ne pas diffuser.', 'ORGANIZATION');
  const annotationId = (await page.locator('.side-panel .card').getAttribute('data-annotation-id'))!;
  await context.close();

  const other = await newPage();
  await signIn(other.page, 'membre@atlas.example');
  await openCircular(other.page);
  expect(await other.page.locator(`.marker[data-annotation="${annotationId}"]`).count()).toBe(0);
  await other.context.close();

  // The moderator answers from the annotation's card; the member then sees the answer.
  const moderator = await newPage();
  await signIn(moderator.page, 'moderatrice@mtnra.example');
  await useLanguage(moderator.page, 'Français');
  await openCircular(moderator.page);
  await moderator.page.locator(`.marker[data-annotation="${annotationId}"]`).click();
  await moderator.page.locator('.side-panel button', { hasText: 'Répondre au nom du ministère' }).click();
  const answerForm = moderator.page.locator('.side-panel form.answer-form');
  await answerForm.locator('label', { hasText: 'Retenue en partie' }).locator('input[type=radio]').check();
  await answerForm.locator('textarea').fill('Une liste indicative sera publiée par arrêté.');
  await expectAccessible(moderator.page, 'answering from the card (fr)');
  await answerForm.locator('button[type=submit]').click();
  await moderator.page
    .locator('.side-panel .answer', { hasText: 'Une liste indicative sera publiée par arrêté.' })
    .waitFor();
  await moderator.context.close();
  const member = await newPage();
  await signIn(member.page, 'membre@fmo.example');
  await useLanguage(member.page, 'Français');
  await openCircular(member.page);
  await member.page.locator(`.marker[data-annotation="${annotationId}"]`).click();
  await member.page.locator('.side-panel .answer').waitFor();
  expect(await member.page.locator('.side-panel .answer').textContent()).toContain(
    'Une liste indicative sera publiée par arrêté.',
  );
  await member.context.close();
});

it('lets a moderator publish a new version and shows moved, fuzzy and orphaned annotations where they belong', async () => {
  const { context, page } = await newPage();
  await signIn(page, 'moderatrice@mtnra.example');
  await useLanguage(page, 'Français');
  await openCircular(page);
  const number = Number(page.url().split('/').pop());
  await page.locator('a', { hasText: 'Publier une nouvelle version' }).click();
  const markdown = page.locator('.publish textarea');
  await markdown.waitFor();
  await page.waitForFunction(
    () => (document.querySelector('.publish textarea') as HTMLTextAreaElement).value.length > 100,
  );
  await expectAccessible(page, 'publish (fr)');
  const source = await markdown.inputValue();
  // Article 4's passage changes a little (fuzzy), the preamble paragraph moves to the end (moved),
  // and the sentence on priority training disappears (orphaned).
  const edited = source
    .replace(
      "peuvent bénéficier d'une aide à la formation continue",
      'peuvent recevoir une aide à la formation continue',
    )
    .replace(/Sont prioritaires les actions de formation[^\n]*\n/, '');
  await markdown.fill(edited);
  await page.locator('.publish input').fill('Version de test : article 4 retouché.');
  await page.locator('.publish button[type=submit]').click();
  await page.locator('.reanchor-summary').waitFor();
  expect(await page.locator('.reanchor-summary').textContent()).toMatch(/orpheline/);
  await expectAccessible(page, 'publish summary (fr)');
  await page.locator('a', { hasText: `Lire la version ${number + 1}` }).click();
  await page.locator('.version-text [data-offset]').first().waitFor();
  await page.locator('.marker').first().waitFor();
  const states = await page.$$eval('.marker', (markers) => markers.map((marker) => marker.getAttribute('data-anchor')));
  expect(states).toContain('FUZZY');
  await page.locator('.orphans summary').click();
  // The organisation's annotation of the previous test was on the sentence removed here: it is orphaned, with its text.
  expect(await page.locator('.orphans').textContent()).toContain("notamment l'analyse de données");
  await expectAccessible(page, 'reader v-next with orphans (fr)');
  await page.goto(`${app.baseUrl}/read/${page.url().split('/')[4]}/${number + 1}/changes`);
  await page.locator('.change-CHANGED').first().waitFor();
  expect(await page.locator('.change-CHANGED del').count()).toBeGreaterThan(0);
  await expectAccessible(page, 'what changed (fr)');
  await context.close();
});

it('is right-to-left in Arabic, panel on the other side, and an Arabic passage is annotated and found after reload', async () => {
  const { context, page } = await newPage('ar-MA');
  await page.goto(`${app.baseUrl}/`);
  await page.locator('input[type=email]').waitFor();
  expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
    'rtl',
    'ar',
  ]);
  await expectAccessible(page, 'sign-in (ar)');
  await signIn(page, 'membre@atlas.example');
  await useLanguage(page, 'العربية');
  await expectAccessible(page, 'documents (ar)');
  await openCircular(page);
  const sides = await page.evaluate(() => {
    const text = document.querySelector('.version-text')!.getBoundingClientRect();
    const panel = document.querySelector('.side-panel')!.getBoundingClientRect();
    return { panelLeftOfText: panel.right <= text.left };
  });
  expect(sides.panelLeftOfText).toBe(true);
  await selectWithMouse(page, 'دورية رقم');
  await annotateSelection(page, 'هل الترجمة العربية الرسمية متاحة؟');
  const id = (await page.locator('.side-panel .card').getAttribute('data-annotation-id'))!;
  await expectAccessible(page, 'reader with a card (ar)');
  await screenshot(page, 'reader-ar');
  await page.reload();
  await page.locator(`.marker[data-annotation="${id}"]`).click();
  expect(await page.locator('.side-panel .card blockquote').first().textContent()).toBe('دورية رقم');
  const highlighted = await page.evaluate(() =>
    ['majlis-commenting', 'majlis-questioning'].flatMap((name) =>
      [...((CSS.highlights as unknown as Map<string, Iterable<Range>>).get(name) ?? [])].map((r) =>
        (r as Range).toString(),
      ),
    ),
  );
  expect(highlighted.join('|')).toContain('دورية رقم');
  await context.close();
});
