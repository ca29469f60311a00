import { MigrationInterface, QueryRunner } from 'typeorm';

/** Federation positions: remarks that member companies add to their federation's draft contribution. */
export class CreateContributionRemarks1795700000000 implements MigrationInterface {
  name = 'CreateContributionRemarks1795700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contribution_remarks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contribution_id uuid NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX contribution_remarks_contribution ON contribution_remarks (contribution_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS contribution_remarks`);
  }
}
