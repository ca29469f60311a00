import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports and the moderation state of any content (one table for every content type), the append-only
 * moderation log, the hash-chained audit trail, suspension periods and deleted accounts.
 */
export class CreateModerationAndAudit1795696000000 implements MigrationInterface {
  name = 'CreateModerationAndAudit1795696000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE content_moderation (
        content_type text NOT NULL,
        content_id uuid NOT NULL,
        space_id uuid,
        document_id uuid,
        author_id uuid,
        hidden boolean NOT NULL DEFAULT false,
        hidden_reason text,
        hidden_at timestamptz,
        reviewed_at timestamptz,
        version integer NOT NULL DEFAULT 0,
        PRIMARY KEY (content_type, content_id)
      )`);
    await db.query(
      `CREATE INDEX content_moderation_hidden ON content_moderation (content_type, content_id) WHERE hidden`,
    );

    await db.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_type text NOT NULL,
        content_id uuid NOT NULL,
        reporter_id uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL CHECK (reason IN ('SPAM', 'ABUSIVE', 'OFF_TOPIC', 'CONFIDENTIAL_INFORMATION', 'MISLEADING', 'OTHER')),
        explanation text CHECK (length(explanation) <= 2000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CONSTRAINT reports_once_per_reporter UNIQUE (content_type, content_id, reporter_id)
      )`);
    await db.query(`CREATE INDEX reports_open ON reports (content_type, content_id) WHERE status = 'OPEN'`);

    await db.query(`
      CREATE TABLE moderation_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        moderator_id uuid REFERENCES users (id),
        action text NOT NULL CHECK (action IN ('HIDE', 'RESTORE', 'KEEP', 'LOCK', 'UNLOCK', 'SUSPEND', 'REINSTATE', 'AUTO_HIDE')),
        content_type text,
        content_id uuid,
        target_user_id uuid REFERENCES users (id),
        reason text NOT NULL,
        internal_note text,
        suspended_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX moderation_actions_created ON moderation_actions (created_at, id)`);
    await db.query(`
      CREATE FUNCTION refuse_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(
      `CREATE TRIGGER moderation_actions_append_only BEFORE UPDATE OR DELETE ON moderation_actions FOR EACH ROW EXECUTE FUNCTION refuse_changes()`,
    );
    await db.query(
      `CREATE TRIGGER moderation_actions_no_truncate BEFORE TRUNCATE ON moderation_actions FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes()`,
    );

    await db.query(`
      CREATE TABLE audit_events (
        sequence bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        kind text NOT NULL,
        actor_id uuid,
        subject_type text,
        subject_id text,
        details jsonb NOT NULL DEFAULT '{}',
        previous_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await db.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_changes()`,
    );
    await db.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes()`,
    );

    await db.query(`ALTER TABLE users ADD COLUMN suspended_until timestamptz`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_status_check`);
    await db.query(
      `ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_status_check`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('ACTIVE', 'SUSPENDED'))`);
    await db.query(`ALTER TABLE users DROP COLUMN suspended_until`);
    for (const table of ['audit_events', 'moderation_actions', 'reports', 'content_moderation'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`DROP FUNCTION IF EXISTS refuse_changes()`);
  }
}
