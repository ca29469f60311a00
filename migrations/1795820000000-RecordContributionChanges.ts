import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed what in a contribution, and when: one row per save (the questions whose answers changed, and whether
 * the publication consent changed), so that members editing together see each other's work.
 */
export class RecordContributionChanges1795820000000 implements MigrationInterface {
  name = 'RecordContributionChanges1795820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE contribution_changes (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         contribution_id uuid NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
         version integer NOT NULL,
         changed_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
         changed_at timestamptz NOT NULL,
         question_ids uuid[] NOT NULL,
         consent_changed boolean NOT NULL
       )`,
    );
    await db.query(
      `CREATE INDEX contribution_changes_contribution_idx ON contribution_changes (contribution_id, changed_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE contribution_changes`);
  }
}
