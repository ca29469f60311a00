import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events are numbered when their transaction commits, not when they are recorded (issue 11).
 *
 * `seq` must follow commit order, so that a reader resuming after its last-seen `seq` skips nothing. Until now
 * recording took a transaction-level advisory lock before drawing the sequence, and held it until the client sent
 * COMMIT: every write that records an event waited, behind the lock, for the previous writer's remaining statements
 * and its round trips to Node (event-loop lag included).
 *
 * Now an insert draws a provisional `seq` (the column's default), and a deferred constraint trigger runs inside
 * PostgreSQL's commit: it takes the same lock, renumbers the row from the sequence, stamps `created_at` with the
 * commit's clock and NOTIFYs the row. The lock is held only from there to the end of the commit, with no round trip
 * to Node. Provisional numbers are never visible (the row is not committed yet); the sequence has gaps, which
 * readers already allow.
 *
 * The notifications' fan-out job moves into that commit too. It was enqueued by a statement trigger on insert, and
 * its job key's row stayed locked until the transaction ended: a second writer recording an event waited there for
 * the first one's commit, whatever the advisory lock. It is now enqueued once per transaction, at commit, under the
 * same lock (a transaction-local setting remembers it is done).
 */
export class NumberEventsAtCommit1796050000000 implements MigrationInterface {
  name = 'NumberEventsAtCommit1796050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER events_notification_fanout ON events`);
    await db.query(`DROP FUNCTION enqueue_notification_fanout()`);
    await db.query(`
      CREATE FUNCTION number_event_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        numbered events;
      BEGIN
        PERFORM pg_advisory_xact_lock(73112026);
        UPDATE events SET seq = nextval('events_seq_seq'), created_at = clock_timestamp()
         WHERE seq = NEW.seq
        RETURNING * INTO numbered;
        IF FOUND THEN
          PERFORM pg_notify('majlis_events', row_to_json(numbered)::text);
        END IF;
        IF current_setting('majlis.fanout_enqueued', true) IS DISTINCT FROM 'yes' THEN
          PERFORM graphile_worker.add_job('notifications.fanout', '{}'::json, job_key => 'notifications.fanout',
                                          max_attempts => 25);
          PERFORM set_config('majlis.fanout_enqueued', 'yes', true);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER events_numbered_at_commit AFTER INSERT ON events
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION number_event_at_commit()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER events_numbered_at_commit ON events`);
    await db.query(`DROP FUNCTION number_event_at_commit()`);
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
}
