import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search ranks, per kind of content, the newest matches it may read (a bounded window; see SearchService). For a
 * frequent term the planner then walks comments and annotations newest first and stops once the window is full,
 * instead of fetching and ranking every match: these two indexes give it that order. Replies are read per subject
 * type (annotation, thread, contribution), hence `subject_type` first.
 *
 * Which way to go is the planner's, from its estimate of a term's matches; that estimate must be right for rare
 * terms too. With the default statistics (100), the most common words list keeps ~1,000 words, every other word is
 * guessed at 0.5 % of the rows (5,000 of a million, ×4 for a word in four languages), and a rare word (150 matches)
 * was walked newest first through the whole table. A larger sample and list on the big tables' `search_vector`
 * (ANALYZE reads up to 3,000,000 rows and keeps ~100,000 words) gives a rare word a small estimate, so it is read
 * from the GIN index.
 */
export class OrderSearchCandidatesByDate1795950000000 implements MigrationInterface {
  name = 'OrderSearchCandidatesByDate1795950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX comments_subject_type_created ON comments (subject_type, created_at)`);
    await db.query(`CREATE INDEX annotations_created ON annotations (created_at)`);
    for (const table of BIG) {
      await db.query(`ALTER TABLE ${table} ALTER COLUMN search_vector SET STATISTICS 10000`);
      await db.query(`ANALYZE ${table} (search_vector)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of BIG) await db.query(`ALTER TABLE ${table} ALTER COLUMN search_vector SET STATISTICS -1`);
    await db.query(`DROP INDEX annotations_created`);
    await db.query(`DROP INDEX comments_subject_type_created`);
  }
}

/** The tables that grow with use (those with few rows are sampled whole anyway). */
const BIG = ['comments', 'annotations', 'threads'];
