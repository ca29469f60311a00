import { Pool } from 'pg';
import { scratchDatabase } from '../support/scratch-database';

/** The migration that keys the chains, on a database that already holds moderation actions and audit events. */
describe('migration KeyAuditChains on existing rows', () => {
  const scratch = scratchDatabase();
  const { url } = scratch;

  beforeAll(() => scratch.create());
  afterAll(() => scratch.drop());

  it('numbers the moderation log in the order it was written and marks older rows as not keyed', async () => {
    await scratch.migrateUpTo('KeyAuditChains1795731000000');
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
      await scratch.migrateUpTo();
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
