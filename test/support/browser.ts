import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); never a browser downloaded by Playwright. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
export const WEB_ROOT = join(ROOT, 'dist', 'apps', 'web');
export const SCREENSHOTS = join(ROOT, 'tmp', 'screenshots');

/**
 * Builds the web client into dist/apps/web. Called once per run by the e2e globalSetup (suites run in parallel
 * workers: building from each of them would race on the same folder), so the browser tests never see a stale build.
 */
export function buildWebClient(): string {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return WEB_ROOT;
}

/** The web client built by globalSetup. */
export function webRoot(): string {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('dist/apps/web is missing: run through test/jest.config.ts');
  return WEB_ROOT;
}

/** The sample data's demo accounts share this password. */
export const DEMO_PASSWORD = 'Majlis-demo-2026';

/**
 * Signs in as a person does, on the page at `path` (the sign-in page, or the home page's own form), and waits until
 * the header shows them signed in.
 */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  email: string,
  { password = DEMO_PASSWORD, path = '/sign-in' }: { password?: string; path?: string } = {},
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('.account-link').waitFor();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Rules switched off, and why (kept short on purpose):
 * - none so far.
 */
const DISABLED_AXE_RULES: string[] = [];

/** axe-core at WCAG 2.1 AA: the serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .disableRules(DISABLED_AXE_RULES)
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * Waits until `locator` matches exactly `count` elements. A list that is re-rendered by a new request (a search, a
 * filter) first shows its old rows, then nothing, then the new ones: counting once after the first row appears races.
 */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} elements for ${String(locator)}, found ${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await locator.count();
  }
}

/** Switches the page's language with the header's buttons and waits until the document's direction follows. */
export async function useLanguage(page: Page, name: 'Français' | 'العربية'): Promise<void> {
  await page.locator('.languages button', { hasText: name }).click();
  await page.waitForFunction((rtl) => document.documentElement.dir === (rtl ? 'rtl' : 'ltr'), name === 'العربية');
}

/** Fails the test, naming the page, when axe finds a serious or critical violation on it. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ page: what, violations }).toEqual({ page: what, violations: [] });
}
