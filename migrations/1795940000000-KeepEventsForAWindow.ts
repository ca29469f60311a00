import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events are kept for a window (kernel EVENT_RETENTION_DAYS): the `events.prune` job deletes older ones and records
 * here the last `seq` it deleted, so that a live subscriber resuming after an older `seq` is told to reload
 * (RESYNC_REQUIRED) instead of silently missing what was pruned.
 */
export class KeepEventsForAWindow1795940000000 implements MigrationInterface {
  name = 'KeepEventsForAWindow1795940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE events_retention (id boolean PRIMARY KEY DEFAULT true CHECK (id),
      pruned_through bigint NOT NULL DEFAULT 0)`);
    await db.query(`INSERT INTO events_retention (pruned_through) VALUES (0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events_retention`);
  }
}
