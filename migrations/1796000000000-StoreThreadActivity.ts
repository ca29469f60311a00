import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread's activity is stored, and kept exact by triggers in the transaction of every write that changes it
 * (issue 15), so that a page of threads reads it instead of counting over all their replies:
 *
 * - `threads.reply_count`: its counted replies (AuthoredContentPolicy.countedSql: neither deleted nor hidden, the
 *   same for everyone), at any depth;
 * - `thread_participants`: counted replies per (thread, author), and `threads.participant_count`: the thread's
 *   author plus the other authors with at least one counted reply;
 * - `thread_reads.read_replies`: the counted replies by others than the reader created at or before their
 *   `last_read_at`. A reader's unread count is then `reply_count − (their own counted replies) − read_replies`,
 *   which is exactly "counted replies by others created after last_read_at (all of them if never read)".
 *
 * A reply is counted or uncounted by: its insertion, its deletion by its author (`deleted_at`), a hard delete, and
 * moderation hiding or restoring it (`content_moderation.hidden`). Each goes through `count_thread_reply`, which
 * takes the thread's row lock first; `ThreadService.markRead` takes that lock (FOR SHARE) before counting
 * `read_replies`, so a reply committed meanwhile is counted exactly once, by one side or the other.
 *
 * The trigger also sets the thread's last activity on each reply (it replaces TouchThreadOnReply's), so a reply
 * still updates its thread once. `recount_thread_activity(ids)` recomputes everything from the comments (the
 * back-fill below, and bulk loads that switch the triggers off).
 */
export class StoreThreadActivity1796000000000 implements MigrationInterface {
  name = 'StoreThreadActivity1796000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE threads ADD COLUMN reply_count integer NOT NULL DEFAULT 0,
                                        ADD COLUMN participant_count integer NOT NULL DEFAULT 1`);
    await db.query(`ALTER TABLE thread_reads ADD COLUMN read_replies integer NOT NULL DEFAULT 0`);
    await db.query(`
      CREATE TABLE thread_participants (
        thread_id uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        replies integer NOT NULL CHECK (replies >= 0),
        PRIMARY KEY (thread_id, user_id)
      )`);

    // One counted reply more (delta 1) or less (-1) in a thread: thread lock first, then the author's tally, the
    // participant count when it crosses zero, and the readers whose marker is at or after the reply.
    await db.query(`
      CREATE FUNCTION count_thread_reply(thread uuid, author uuid, created timestamptz, delta integer, touch boolean)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        thread_author uuid;
        tally integer;
      BEGIN
        IF touch THEN
          UPDATE threads
             SET reply_count = reply_count + delta, last_activity_at = created, last_activity_by_id = author,
                 updated_at = now(), version = version + 1
           WHERE id = thread RETURNING author_id INTO thread_author;
        ELSE
          UPDATE threads SET reply_count = reply_count + delta WHERE id = thread RETURNING author_id INTO thread_author;
        END IF;
        IF NOT FOUND OR delta = 0 THEN RETURN; END IF;
        INSERT INTO thread_participants AS p (thread_id, user_id, replies) VALUES (thread, author, GREATEST(delta, 0))
          ON CONFLICT (thread_id, user_id) DO UPDATE SET replies = p.replies + delta
          RETURNING replies INTO tally;
        IF author IS DISTINCT FROM thread_author AND ((delta > 0 AND tally = delta) OR (delta < 0 AND tally = 0)) THEN
          UPDATE threads SET participant_count = participant_count + sign(delta)::int WHERE id = thread;
        END IF;
        UPDATE thread_reads SET read_replies = read_replies + delta
         WHERE thread_id = thread AND user_id IS DISTINCT FROM author AND last_read_at >= created;
      END $$`);

    await db.query(`
      CREATE FUNCTION comment_hidden(comment uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM content_moderation m
                        WHERE m.content_type = 'COMMENT' AND m.content_id = comment AND m.hidden)
      $$`);

    await db.query(`
      CREATE FUNCTION comments_thread_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM count_thread_reply(NEW.subject_id, NEW.author_id, NEW.created_at,
                                     CASE WHEN NEW.deleted_at IS NULL AND NOT comment_hidden(NEW.id) THEN 1 ELSE 0 END,
                                     true);
        ELSIF TG_OP = 'UPDATE' THEN
          IF NOT comment_hidden(NEW.id) THEN
            PERFORM count_thread_reply(NEW.subject_id, NEW.author_id, NEW.created_at,
                                       CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END, false);
          END IF;
        ELSIF NOT comment_hidden(OLD.id) THEN
          PERFORM count_thread_reply(OLD.subject_id, OLD.author_id, OLD.created_at, -1, false);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`DROP TRIGGER comments_touch_thread ON comments`);
    await db.query(`DROP FUNCTION touch_thread_on_reply()`);
    await db.query(`
      CREATE TRIGGER comments_thread_activity AFTER INSERT ON comments
        FOR EACH ROW WHEN (NEW.subject_type = 'THREAD') EXECUTE FUNCTION comments_thread_activity()`);
    await db.query(`
      CREATE TRIGGER comments_thread_activity_deleted AFTER UPDATE OF deleted_at ON comments
        FOR EACH ROW WHEN (NEW.subject_type = 'THREAD' AND (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
        EXECUTE FUNCTION comments_thread_activity()`);
    await db.query(`
      CREATE TRIGGER comments_thread_activity_removed AFTER DELETE ON comments
        FOR EACH ROW WHEN (OLD.subject_type = 'THREAD' AND OLD.deleted_at IS NULL)
        EXECUTE FUNCTION comments_thread_activity()`);

    // Hiding a live reply uncounts it; restoring it counts it again.
    await db.query(`
      CREATE FUNCTION moderation_thread_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was boolean := TG_OP <> 'INSERT' AND OLD.hidden;
        now_hidden boolean := TG_OP <> 'DELETE' AND NEW.hidden;
        row_type text := CASE WHEN TG_OP = 'DELETE' THEN OLD.content_type ELSE NEW.content_type END;
        content uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.content_id ELSE NEW.content_id END;
        c record;
      BEGIN
        IF row_type <> 'COMMENT' OR was = now_hidden THEN RETURN NULL; END IF;
        -- The reply's row lock serialises this with its deletion by its author (whose trigger reads comment_hidden).
        SELECT subject_id, author_id, created_at INTO c FROM comments
         WHERE comments.id = content AND subject_type = 'THREAD' AND deleted_at IS NULL FOR UPDATE;
        IF FOUND THEN
          PERFORM count_thread_reply(c.subject_id, c.author_id, c.created_at,
                                     CASE WHEN now_hidden THEN -1 ELSE 1 END, false);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER content_moderation_thread_activity AFTER INSERT OR UPDATE OF hidden OR DELETE ON content_moderation
        FOR EACH ROW EXECUTE FUNCTION moderation_thread_activity()`);

    // The whole activity of some threads (all when null), from their comments.
    await db.query(`
      CREATE FUNCTION recount_thread_activity(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM thread_participants WHERE ids IS NULL OR thread_id = ANY(ids);
        INSERT INTO thread_participants (thread_id, user_id, replies)
        SELECT c.subject_id, c.author_id, count(*)
          FROM comments c JOIN threads t ON t.id = c.subject_id
         WHERE c.subject_type = 'THREAD' AND c.deleted_at IS NULL AND NOT comment_hidden(c.id)
           AND (ids IS NULL OR c.subject_id = ANY(ids))
         GROUP BY c.subject_id, c.author_id;
        UPDATE threads t
           SET reply_count = COALESCE((SELECT sum(p.replies) FROM thread_participants p WHERE p.thread_id = t.id), 0),
               participant_count = 1 + (SELECT count(*) FROM thread_participants p
                                         WHERE p.thread_id = t.id AND p.user_id <> t.author_id AND p.replies > 0)
         WHERE ids IS NULL OR t.id = ANY(ids);
        UPDATE thread_reads r
           SET read_replies = (SELECT count(*) FROM comments c
                                WHERE c.subject_type = 'THREAD' AND c.subject_id = r.thread_id
                                  AND c.author_id <> r.user_id AND c.created_at <= r.last_read_at
                                  AND c.deleted_at IS NULL AND NOT comment_hidden(c.id))
         WHERE ids IS NULL OR r.thread_id = ANY(ids);
      $$`);
    await db.query(`SELECT recount_thread_activity(NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER content_moderation_thread_activity ON content_moderation`);
    await db.query(`DROP FUNCTION moderation_thread_activity()`);
    await db.query(`DROP TRIGGER comments_thread_activity_removed ON comments`);
    await db.query(`DROP TRIGGER comments_thread_activity_deleted ON comments`);
    await db.query(`DROP TRIGGER comments_thread_activity ON comments`);
    await db.query(`DROP FUNCTION comments_thread_activity()`);
    await db.query(`DROP FUNCTION recount_thread_activity(uuid[])`);
    await db.query(`DROP FUNCTION comment_hidden(uuid)`);
    await db.query(`DROP FUNCTION count_thread_reply(uuid, uuid, timestamptz, integer, boolean)`);
    await db.query(`DROP TABLE thread_participants`);
    await db.query(`ALTER TABLE thread_reads DROP COLUMN read_replies`);
    await db.query(`ALTER TABLE threads DROP COLUMN participant_count, DROP COLUMN reply_count`);
    await db.query(`
      CREATE FUNCTION touch_thread_on_reply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE threads
           SET last_activity_at = NEW.created_at, last_activity_by_id = NEW.author_id,
               updated_at = now(), version = version + 1
         WHERE id = NEW.subject_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER comments_touch_thread AFTER INSERT ON comments
        FOR EACH ROW WHEN (NEW.subject_type = 'THREAD') EXECUTE FUNCTION touch_thread_on_reply()`);
  }
}
