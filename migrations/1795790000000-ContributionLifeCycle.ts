import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contribution life cycle made clear: a contribution edited after its submission says so
 * (CHANGED_SINCE_SUBMITTED), and a SCALE question carries its own range (existing ones keep 1 to 5).
 */
export class ContributionLifeCycle1795790000000 implements MigrationInterface {
  name = 'ContributionLifeCycle1795790000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contributions DROP CONSTRAINT contributions_status_check`);
    await db.query(
      `ALTER TABLE contributions ADD CONSTRAINT contributions_status_check
         CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGED_SINCE_SUBMITTED'))`,
    );
    await db.query(`ALTER TABLE consultation_questions ADD COLUMN scale_min integer, ADD COLUMN scale_max integer`);
    await db.query(`UPDATE consultation_questions SET scale_min = 1, scale_max = 5 WHERE kind = 'SCALE'`);
    await db.query(
      `ALTER TABLE consultation_questions ADD CONSTRAINT consultation_questions_scale_check
         CHECK ((kind = 'SCALE') = (scale_min IS NOT NULL AND scale_max IS NOT NULL)
                AND (scale_min IS NULL OR scale_min < scale_max))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE consultation_questions DROP CONSTRAINT consultation_questions_scale_check`);
    await db.query(`ALTER TABLE consultation_questions DROP COLUMN scale_min, DROP COLUMN scale_max`);
    await db.query(`UPDATE contributions SET status = 'SUBMITTED' WHERE status = 'CHANGED_SINCE_SUBMITTED'`);
    await db.query(`ALTER TABLE contributions DROP CONSTRAINT contributions_status_check`);
    await db.query(
      `ALTER TABLE contributions ADD CONSTRAINT contributions_status_check CHECK (status IN ('DRAFT', 'SUBMITTED'))`,
    );
  }
}
