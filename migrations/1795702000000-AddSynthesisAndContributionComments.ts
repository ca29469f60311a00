import { MigrationInterface, QueryRunner } from 'typeorm';

/** The ministry's synthesis of a consultation (and its response per question); contributions as comment subjects. */
export class AddSynthesisAndContributionComments1795702000000 implements MigrationInterface {
  name = 'AddSynthesisAndContributionComments1795702000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE consultations ADD COLUMN synthesis text CHECK (length(synthesis) <= 50000)`);
    await db.query(
      `ALTER TABLE consultation_questions ADD COLUMN ministry_response text CHECK (length(ministry_response) <= 10000)`,
    );
    await db.query(`ALTER TABLE comments DROP CONSTRAINT comments_subject_type_check`);
    await db.query(
      `ALTER TABLE comments ADD CONSTRAINT comments_subject_type_check CHECK (subject_type IN ('ANNOTATION', 'THREAD', 'CONTRIBUTION'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE comments DROP CONSTRAINT comments_subject_type_check`);
    await db.query(
      `ALTER TABLE comments ADD CONSTRAINT comments_subject_type_check CHECK (subject_type IN ('ANNOTATION', 'THREAD'))`,
    );
    await db.query(`ALTER TABLE consultation_questions DROP COLUMN ministry_response`);
    await db.query(`ALTER TABLE consultations DROP COLUMN synthesis`);
  }
}
