import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fair deadline: a submission is judged by when the server received it (`submitted_at`, stamped at the edge before
 * any queueing), and its receipt also records when it was processed (`processed_at`, possibly after the deadline).
 * Earlier submissions were processed when they were stamped.
 */
export class StampSubmissionProcessedAt1795880000000 implements MigrationInterface {
  name = 'StampSubmissionProcessedAt1795880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contribution_submissions ADD COLUMN processed_at timestamptz`);
    await db.query(`UPDATE contribution_submissions SET processed_at = submitted_at`);
    await db.query(`ALTER TABLE contribution_submissions ALTER COLUMN processed_at SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contribution_submissions DROP COLUMN processed_at`);
  }
}
