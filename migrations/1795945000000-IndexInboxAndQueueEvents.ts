import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live scopes that are not a document, space, thread or consultation, for a subscriber resuming `after` a seq
 * (apps/api live `EventBus.since`): a person's inbox events (INBOX_CHANGED, subject USER: the recipient), which the
 * bell follows, and the moderation queue's (QUEUE_CHANGED).
 */
export class IndexInboxAndQueueEvents1795945000000 implements MigrationInterface {
  name = 'IndexInboxAndQueueEvents1795945000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX events_inbox ON events (subject_id, seq) WHERE subject_type = 'USER'`);
    await db.query(`CREATE INDEX events_queue ON events (seq) WHERE type = 'QUEUE_CHANGED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_queue`);
    await db.query(`DROP INDEX events_inbox`);
  }
}
