import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail and the moderation log become chains keyed with an HMAC whose key is not in the database.
 * - `keyed` says whether a row's hash is the keyed one. Rows already written are not (the audit trail's rows carry
 *   an unkeyed SHA-256, the moderation log's rows no hash at all): the app re-keys them once, at its first start
 *   with the key and before any checkpoint exists (`HashChains`), and `audit:verify` refuses unkeyed rows.
 * - The moderation log gets the audit trail's chain columns: a `sequence` in the order actions were logged, and
 *   `previous_hash` / `hash`.
 */
export class KeyAuditChains1795731000000 implements MigrationInterface {
  name = 'KeyAuditChains1795731000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'moderation_actions']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN keyed boolean NOT NULL DEFAULT false`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN keyed SET DEFAULT true`);
    }
    await db.query(`ALTER TABLE moderation_actions ADD COLUMN sequence bigint`);
    await db.query(`ALTER TABLE moderation_actions ADD COLUMN previous_hash text`);
    await db.query(`ALTER TABLE moderation_actions ADD COLUMN hash text`);
    await db.query(`ALTER TABLE moderation_actions DISABLE TRIGGER moderation_actions_append_only`);
    await db.query(`
      UPDATE moderation_actions m SET sequence = ordered.n
        FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM moderation_actions) ordered
       WHERE ordered.id = m.id`);
    await db.query(`ALTER TABLE moderation_actions ENABLE TRIGGER moderation_actions_append_only`);
    await db.query(`CREATE SEQUENCE moderation_actions_sequence_seq OWNED BY moderation_actions.sequence`);
    await db.query(
      `SELECT setval('moderation_actions_sequence_seq', (SELECT coalesce(max(sequence), 0) + 1 FROM moderation_actions), false)`,
    );
    await db.query(
      `ALTER TABLE moderation_actions ALTER COLUMN sequence SET DEFAULT nextval('moderation_actions_sequence_seq')`,
    );
    await db.query(`ALTER TABLE moderation_actions ALTER COLUMN sequence SET NOT NULL`);
    await db.query(
      `ALTER TABLE moderation_actions ADD CONSTRAINT moderation_actions_sequence_unique UNIQUE (sequence)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE moderation_actions DROP CONSTRAINT moderation_actions_sequence_unique`);
    for (const column of ['sequence', 'previous_hash', 'hash', 'keyed'])
      await db.query(`ALTER TABLE moderation_actions DROP COLUMN ${column}`);
    await db.query(`ALTER TABLE audit_events DROP COLUMN keyed`);
  }
}
