import type { Browser } from 'playwright-core';
import { launchChromium, webRoot } from './browser';
import { TestApp, TestAppOptions, startTestApp } from './test-app';

export interface BrowserSuite {
  readonly app: TestApp;
  readonly browser: Browser;
}

/**
 * A browser suite's app (serving the built web client) and Chromium, started side by side in a `beforeAll` and
 * closed, browser first, in an `afterAll`; `use` hands them to the suite's own variables.
 */
export function browserSuite(use: (suite: BrowserSuite) => void, options: Omit<TestAppOptions, 'webRoot'> = {}): void {
  let suite: BrowserSuite | undefined;
  beforeAll(async () => {
    const [app, browser] = await Promise.all([startTestApp({ ...options, webRoot: webRoot() }), launchChromium()]);
    suite = { app, browser };
    use(suite);
  }, 120_000);
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.app.close();
  });
}
