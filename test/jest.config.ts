/**
 * End-to-end suites: the real app (same factory as main.ts) over HTTP on a real PostgreSQL — the embedded one
 * started once by globalSetup, or TEST_DATABASE_URL's server. Each suite gets a database of its own.
 */
export default {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.e2e.spec.ts', '<rootDir>/workspace/*.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // Node's environment, plus closing whatever test app a suite left open (a beforeAll that timed out while starting).
  testEnvironment: '<rootDir>/support/e2e-environment.ts',
  testTimeout: 60_000,
  // A global option, set here only when this file is the run's config (see jest.config.ts at the root, which sets it
  // for the whole run): a worker that loaded the app's module graph needs longer than Jest's 500 ms to exit.
  ...(process.env['MAJLIS_JEST_ROOT_CONFIG'] ? {} : { workerGracefulExitTimeout: 5_000 }),
};
