import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread's last activity is its latest reply's, set in the reply's own statement (and so its transaction) by a
 * trigger, rather than by a second UPDATE sent from the app: a reply is one write statement (issue 15).
 */
export class TouchThreadOnReply1795960000000 implements MigrationInterface {
  name = 'TouchThreadOnReply1795960000000';

  async up(db: QueryRunner): Promise<void> {
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

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER comments_touch_thread ON comments`);
    await db.query(`DROP FUNCTION touch_thread_on_reply()`);
  }
}
