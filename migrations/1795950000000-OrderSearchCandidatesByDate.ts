import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search ranks, per kind of content, the newest matches it may read (a bounded window; see SearchService). For a
 * frequent term the planner then walks comments and annotations newest first and stops once the window is full,
 * instead of fetching and ranking every match: these two indexes give it that order. Replies are read per subject
 * type (annotation, thread, contribution), hence `subject_type` first.
 */
export class OrderSearchCandidatesByDate1795950000000 implements MigrationInterface {
  name = 'OrderSearchCandidatesByDate1795950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX comments_subject_type_created ON comments (subject_type, created_at)`);
    await db.query(`CREATE INDEX annotations_created ON annotations (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX annotations_created`);
    await db.query(`DROP INDEX comments_subject_type_created`);
  }
}
