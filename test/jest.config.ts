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
  testTimeout: 60_000,
};
