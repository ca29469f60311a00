import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@majlis/api';

/**
 * An empty database of the suite's own, for testing one migration on rows written before it: `migrateUpTo` runs the
 * migrations before the named one; the caller inserts old-shaped rows, then runs the rest with `migrateUpTo()`.
 * Call `create` in beforeAll and `drop` in afterAll.
 */
export function scratchDatabase() {
  const admin = new Pool({ connectionString: process.env['MAJLIS_E2E_ADMIN_URL'], max: 1 });
  const name = `majlis_e2e_${randomBytes(6).toString('hex')}`;
  const parsed = new URL(process.env['MAJLIS_E2E_ADMIN_URL']!);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  /**
   * A pg pool's `end()` resolves once its clients are told to close, before their sessions end: dropping WITH (FORCE)
   * at that moment kills a session whose socket this process still reads, and the pool raises the FATAL as an
   * unhandled error. Waiting (up to 5 s) until the database has no sessions left makes FORCE a last resort.
   */
  async function untilSessionsClosed() {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`,
        [name],
      );
      if (rows[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    create: () => admin.query(`CREATE DATABASE ${name}`),
    async drop() {
      await untilSessionsClosed();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
    /** Runs the migrations before `migrationName` (every migration when it is omitted). */
    async migrateUpTo(migrationName?: string) {
      const count = migrationName ? MIGRATIONS.findIndex((m) => m.name === migrationName) : MIGRATIONS.length;
      if (count < 0) throw new Error(`no migration named ${migrationName}`);
      const source = new DataSource({
        type: 'postgres',
        url,
        migrations: MIGRATIONS.slice(0, count),
        migrationsTableName: 'schema_migrations',
      });
      await source.initialize();
      await source.runMigrations({ transaction: 'each' });
      await source.destroy();
    },
  };
}
