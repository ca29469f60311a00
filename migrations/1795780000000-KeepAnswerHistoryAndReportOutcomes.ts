import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers with history: every official answer to an annotation is kept in `annotation_answers` (who, when,
 * disposition, rationale, the status it set); the annotation's own disposition columns stay as the current (latest)
 * answer. Existing answers are copied in. An answered annotation cannot be OPEN, and an OPEN one has no answer:
 * existing rows are made consistent first, then a CHECK holds it.
 * Reports tell their reporter the outcome: `reports.outcome` (HIDDEN, KEPT, RESTORED) is set when a moderator
 * closes them; reports closed before this migration keep a null outcome.
 */
export class KeepAnswerHistoryAndReportOutcomes1795780000000 implements MigrationInterface {
  name = 'KeepAnswerHistoryAndReportOutcomes1795780000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE annotation_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        annotation_id uuid NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        disposition text NOT NULL CHECK (disposition IN ('ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED', 'NOTED')),
        rationale text NOT NULL,
        status text NOT NULL CHECK (status IN ('ANSWERED', 'RESOLVED')),
        answered_by_id uuid REFERENCES users (id),
        answered_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX annotation_answers_by_annotation ON annotation_answers (annotation_id, answered_at, id)`,
    );
    await db.query(`UPDATE annotations SET status = 'ANSWERED' WHERE disposition IS NOT NULL AND status = 'OPEN'`);
    await db.query(`UPDATE annotations SET status = 'OPEN' WHERE disposition IS NULL AND status <> 'OPEN'`);
    await db.query(`
      INSERT INTO annotation_answers (annotation_id, disposition, rationale, status, answered_by_id, answered_at)
      SELECT id, disposition, coalesce(disposition_rationale, ''), status, disposition_by_id, coalesce(disposition_at, updated_at)
        FROM annotations WHERE disposition IS NOT NULL`);
    await db.query(
      `ALTER TABLE annotations ADD CONSTRAINT annotations_answered_not_open CHECK ((disposition IS NULL) = (status = 'OPEN'))`,
    );
    await db.query(
      `ALTER TABLE reports ADD COLUMN outcome text CHECK (outcome IN ('HIDDEN', 'KEPT', 'RESTORED')),
                           ADD CONSTRAINT reports_outcome_when_closed CHECK (outcome IS NULL OR status = 'CLOSED')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reports DROP CONSTRAINT reports_outcome_when_closed, DROP COLUMN outcome`);
    await db.query(`ALTER TABLE annotations DROP CONSTRAINT annotations_answered_not_open`);
    await db.query(`DROP TABLE annotation_answers`);
  }
}
