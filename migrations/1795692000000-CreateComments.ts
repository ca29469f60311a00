import { MigrationInterface, QueryRunner } from 'typeorm';

/** The shared reply model: comments under any subject (tree of depth ≤ 3), their revisions, endorsements. */
export class CreateComments1795692000000 implements MigrationInterface {
  name = 'CreateComments1795692000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (subject_type IN ('ANNOTATION', 'THREAD')),
        subject_id uuid NOT NULL,
        parent_id uuid REFERENCES comments (id) ON DELETE CASCADE,
        depth integer NOT NULL CHECK (depth BETWEEN 1 AND 3),
        author_id uuid NOT NULL REFERENCES users (id),
        organization_id uuid REFERENCES organizations (id),
        is_official boolean NOT NULL DEFAULT false,
        body text NOT NULL CHECK (length(body) <= 10000),
        edited_at timestamptz,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((parent_id IS NULL) = (depth = 1))
      )`);
    await db.query(`CREATE INDEX comments_subject ON comments (subject_type, subject_id, created_at, id)`);
    await db.query(`CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE comment_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        body text NOT NULL,
        edited_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX comment_revisions_comment ON comment_revisions (comment_id, created_at)`);

    await db.query(`
      CREATE TABLE endorsements (
        subject_type text NOT NULL CHECK (subject_type IN ('ANNOTATION', 'THREAD', 'COMMENT')),
        subject_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_type, subject_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['endorsements', 'comment_revisions', 'comments'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
