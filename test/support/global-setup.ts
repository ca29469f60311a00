import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
// Relative import: globalSetup runs outside Jest's module resolver (and the helper needs only `pg`).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { buildWebClient } from './browser';
import { freePort } from './free-port';

/** Starts the PostgreSQL the suites share (each suite then creates its own database on it). */
export default async function globalSetup(): Promise<void> {
  buildWebClient(); // once, for the browser suites (test/web)
  if (process.env['TEST_DATABASE_URL']) {
    process.env['MAJLIS_E2E_ADMIN_URL'] = process.env['TEST_DATABASE_URL'];
    return;
  }
  const dataDir = join(__dirname, '..', '..', 'tmp', `e2e-postgres-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const running = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  process.env['MAJLIS_E2E_ADMIN_URL'] = running.url;
  (globalThis as { __majlisE2ePostgres?: unknown }).__majlisE2ePostgres = { running, dataDir };
}
