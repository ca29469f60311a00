import { MigrationInterface, QueryRunner } from 'typeorm';

/** Discussion spaces and their members (people or whole organisations), threads, read state, mentions. */
export class CreateSpacesAndThreads1795694000000 implements MigrationInterface {
  name = 'CreateSpacesAndThreads1795694000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE spaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        owner_organization_id uuid NOT NULL REFERENCES organizations (id),
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'RESTRICTED', 'PRIVATE')),
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);

    await db.query(`
      CREATE TABLE space_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER', 'MODERATOR', 'PARTICIPANT', 'OBSERVER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((user_id IS NULL) <> (organization_id IS NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX space_members_user_key ON space_members (space_id, user_id) WHERE user_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX space_members_organization_key ON space_members (space_id, organization_id) WHERE organization_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX space_members_user ON space_members (user_id) WHERE user_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX space_members_organization ON space_members (organization_id) WHERE organization_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) <= 20000),
        tags text[] NOT NULL DEFAULT '{}',
        document_id uuid REFERENCES documents (id),
        version_id uuid REFERENCES document_versions (id),
        section_key text,
        author_id uuid NOT NULL REFERENCES users (id),
        organization_id uuid REFERENCES organizations (id),
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        last_activity_by_id uuid REFERENCES users (id),
        edited_at timestamptz,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (cardinality(tags) <= 10),
        CHECK ((document_id IS NULL) = (version_id IS NULL))
      )`);
    await db.query(`CREATE INDEX threads_space_activity ON threads (space_id, pinned DESC, last_activity_at DESC, id)`);
    await db.query(`CREATE INDEX threads_tags ON threads USING gin (tags)`);

    await db.query(`
      CREATE TABLE thread_reads (
        thread_id uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        last_read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, thread_id)
      )`);

    await db.query(`
      CREATE TABLE comment_mentions (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (comment_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['comment_mentions', 'thread_reads', 'threads', 'space_members', 'spaces'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
