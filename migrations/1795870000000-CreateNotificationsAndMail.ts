import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications and e-mail: what people follow, their level per space and e-mail frequency, the inbox, the record
 * of every e-mail sent (its send key, claimed before sending, so a crashed worker never sends twice), password
 * resets (only the token's hash), the throttle of reset requests, and the deadline reminders already sent.
 * The job queue itself (graphile-worker) installs its own schema, `graphile_worker`, at migration time.
 */
export class CreateNotificationsAndMail1795870000000 implements MigrationInterface {
  name = 'CreateNotificationsAndMail1795870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE follows (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        subject_type text NOT NULL
          CHECK (subject_type IN ('DOCUMENT', 'ARTICLE', 'THREAD', 'SPACE', 'CONSULTATION', 'ANNOTATION')),
        subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
        automatic boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, subject_type, subject_id)
      )`);
    await db.query(`CREATE INDEX follows_subject ON follows (subject_type, subject_id)`);
    await db.query(`
      CREATE TABLE space_notification_levels (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('WATCHING', 'NORMAL', 'MUTED')),
        PRIMARY KEY (user_id, space_id)
      )`);
    await db.query(`CREATE INDEX space_notification_levels_space ON space_notification_levels (space_id, level)`);
    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        email_frequency text NOT NULL DEFAULT 'DAILY'
          CHECK (email_frequency IN ('NONE', 'IMMEDIATE', 'DAILY', 'WEEKLY')),
        last_digest_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('MENTION', 'REPLY', 'OFFICIAL_ANSWER', 'MODERATION', 'ACTIVITY',
                                           'DEADLINE_REMINDER')),
        source_key text NOT NULL CHECK (length(source_key) BETWEEN 1 AND 200),
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        document_id uuid,
        space_id uuid,
        consultation_id uuid,
        title text NOT NULL DEFAULT '' CHECK (length(title) <= 300),
        excerpt text NOT NULL DEFAULT '' CHECK (length(excerpt) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        UNIQUE (user_id, source_key)
      )`);
    await db.query(`CREATE INDEX notifications_inbox ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await db.query(`
      CREATE TABLE email_deliveries (
        send_key text PRIMARY KEY CHECK (length(send_key) BETWEEN 1 AND 300),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        recipient text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('SENDING', 'SENT', 'UNCERTAIN')),
        message_id text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX password_resets_user ON password_resets (user_id, created_at)`);
    await db.query(`
      CREATE TABLE password_reset_requests (
        email_key text NOT NULL,
        client_address text,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX password_reset_requests_email ON password_reset_requests (email_key, requested_at)`);
    await db.query(
      `CREATE INDEX password_reset_requests_client ON password_reset_requests (client_address, requested_at)`,
    );
    await db.query(`
      CREATE TABLE consultation_reminders (
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        hours_before integer NOT NULL CHECK (hours_before > 0),
        closes_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consultation_id, hours_before, closes_at)
      )`);

    // Notifications are derived from the domain events (one mechanism with live updates): a single cursor says how
    // far the fan-out has read, and each event enqueues the fan-out job in its own transaction (a rolled-back write
    // enqueues nothing). The job key debounces a burst of events into one run; add_job resolves at run time, once
    // the job queue's schema is installed (right after these migrations).
    await db.query(`CREATE TABLE notification_fanout_cursor (id boolean PRIMARY KEY DEFAULT true CHECK (id),
                      last_seq bigint NOT NULL)`);
    await db.query(`INSERT INTO notification_fanout_cursor (last_seq) SELECT COALESCE(max(seq), 0) FROM events`);
    await db.query(`
      CREATE FUNCTION enqueue_notification_fanout() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('notifications.fanout', '{}'::json, job_key => 'notifications.fanout',
                                        max_attempts => 25);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER events_notification_fanout AFTER INSERT ON events
                      FOR EACH STATEMENT EXECUTE FUNCTION enqueue_notification_fanout()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER events_notification_fanout ON events`);
    await db.query(`DROP FUNCTION enqueue_notification_fanout()`);
    await db.query(`DROP TABLE notification_fanout_cursor`);
    for (const table of [
      'consultation_reminders',
      'password_reset_requests',
      'password_resets',
      'email_deliveries',
      'notifications',
      'notification_settings',
      'space_notification_levels',
      'follows',
    ])
      await db.query(`DROP TABLE ${table}`);
  }
}
