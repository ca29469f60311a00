import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@majlis/api';

/** The migration that keys the chains, on a database that already holds moderation actions and audit events. */
describe('migration KeyAuditChains on existing rows', () => {
  const admin = new Pool({ connectionString: process.env['MAJLIS_E2E_ADMIN_URL'], max: 1 });
  const name = `majlis_e2e_${randomBytes(6).toString('hex')}`;
  const url = (() => {
    const parsed = new URL(process.env['MAJLIS_E2E_ADMIN_URL']!);
    parsed.pathname = `/${name}`;
    return parsed.toString();
  })();
  const migrateUpTo = async (count: number) => {
    const source = new DataSource({
      type: 'postgres',
      url,
      migrations: MIGRATIONS.slice(0, count),
      migrationsTableName: 'schema_migrations',
    });
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
    await source.destroy();
  };

  beforeAll(() => admin.query(`CREATE DATABASE ${name}`));
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('numbers the moderation log in the order it was written and marks older rows as not keyed', async () => {
    const keying = MIGRATIONS.findIndex((migration) => migration.name === 'KeyAuditChains1795731000000');
    await migrateUpTo(keying);
    const db = new Pool({ connectionString: url, max: 1 });
    try {
      for (const [reason, at] of [
        ['second', '2026-11-02T10:00:00Z'],
        ['first', '2026-11-01T10:00:00Z'],
      ])
        await db.query(`INSERT INTO moderation_actions (action, reason, created_at) VALUES ('AUTO_HIDE', $1, $2)`, [
          reason,
          at,
        ]);
      await db.query(
        `INSERT INTO audit_events (occurred_at, kind, previous_hash, hash) VALUES (now(), 'SIGN_IN_FAILED', $1, $1)`,
        ['0'.repeat(64)],
      );
      await migrateUpTo(MIGRATIONS.length);
      const actions = (
        await db.query(`SELECT sequence::int AS sequence, reason, keyed FROM moderation_actions ORDER BY sequence`)
      ).rows;
      expect(actions).toEqual([
        { sequence: 1, reason: 'first', keyed: false },
        { sequence: 2, reason: 'second', keyed: false },
      ]);
      expect((await db.query(`SELECT keyed FROM audit_events`)).rows).toEqual([{ keyed: false }]);
      await db.query(`INSERT INTO moderation_actions (action, reason) VALUES ('KEEP', 'third')`);
      expect(
        (await db.query(`SELECT sequence::int AS sequence, keyed FROM moderation_actions WHERE reason = 'third'`)).rows,
      ).toEqual([{ sequence: 3, keyed: true }]);
      await expect(db.query(`UPDATE moderation_actions SET reason = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      await db.end();
    }
  });
});
