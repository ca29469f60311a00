import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's inbox events (INBOX_CHANGED, subject USER: the recipient), which the bell follows live: a subscriber
 * resuming `after` a seq reads that person's events from here (apps/api live `EventBus.since`).
 */
export class IndexInboxEvents1795945000000 implements MigrationInterface {
  name = 'IndexInboxEvents1795945000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX events_inbox ON events (subject_id, seq) WHERE subject_type = 'USER'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_inbox`);
  }
}
