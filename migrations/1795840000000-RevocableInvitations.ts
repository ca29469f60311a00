import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations a representative can follow: withdrawn ones say when and by whom (`revoked_at`, `revoked_by_id`), a
 * resent one when it was last sent (`sent_at`, its token and expiry renewed), and the pending ones of an
 * organisation are read through a partial index.
 */
export class RevocableInvitations1795840000000 implements MigrationInterface {
  name = 'RevocableInvitations1795840000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE invitations
         ADD COLUMN revoked_at timestamptz,
         ADD COLUMN revoked_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
         ADD COLUMN sent_at timestamptz`,
    );
    await db.query(`UPDATE invitations SET sent_at = created_at`);
    await db.query(`ALTER TABLE invitations ALTER COLUMN sent_at SET NOT NULL, ALTER COLUMN sent_at SET DEFAULT now()`);
    await db.query(
      `ALTER TABLE invitations ADD CONSTRAINT invitations_accepted_or_revoked CHECK (accepted_at IS NULL OR revoked_at IS NULL)`,
    );
    await db.query(
      `CREATE INDEX invitations_pending ON invitations (organization_id, created_at, id)
         WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX invitations_pending`);
    await db.query(`ALTER TABLE invitations DROP CONSTRAINT invitations_accepted_or_revoked`);
    await db.query(`ALTER TABLE invitations DROP COLUMN revoked_at, DROP COLUMN revoked_by_id, DROP COLUMN sent_at`);
  }
}
