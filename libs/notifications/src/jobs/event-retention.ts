import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, EVENT_RETENTION_DAYS } from '@majlis/kernel';
import { JobRunner } from './job-runner.service';

export const EVENTS_PRUNE_JOB = 'events.prune';

/** How many events one statement deletes (a long backlog is pruned in steps, each its own short transaction). */
const BATCH = 10_000;

/**
 * The retention of `events` (kernel EVENT_RETENTION_DAYS), daily: events older than the window are deleted once the
 * notifications' fan-out has consumed them (never past its cursor), and `events_retention.pruned_through` records
 * the last `seq` deleted, in the same transaction, so that a live subscriber resuming after it is told to reload
 * (RESYNC_REQUIRED) rather than missing events in silence.
 */
@Injectable()
export class EventRetention implements OnModuleInit {
  private readonly logger = new Logger('EventRetention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(EVENTS_PRUNE_JOB, async () => void (await this.prune()));
  }

  /** Deletes the events older than the window; returns how many. */
  async prune(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - EVENT_RETENTION_DAYS * 24 * 3600_000);
    let total = 0;
    for (;;) {
      const deleted = await this.db.transaction(async (manager) => {
        const [{ count, last }]: { count: string; last: string | null }[] = await manager.query(
          `WITH doomed AS (
             SELECT seq FROM events
              WHERE created_at < $1 AND seq <= (SELECT last_seq FROM notification_fanout_cursor)
              ORDER BY seq LIMIT ${BATCH}),
           deleted AS (DELETE FROM events WHERE seq IN (SELECT seq FROM doomed) RETURNING seq)
           SELECT count(*) AS count, max(seq) AS last FROM deleted`,
          [before],
        );
        if (last !== null)
          await manager.query(`UPDATE events_retention SET pruned_through = GREATEST(pruned_through, $1)`, [last]);
        return Number(count);
      });
      total += deleted;
      if (deleted < BATCH) break;
    }
    if (total > 0) this.logger.log(`pruned ${total} events older than ${EVENT_RETENTION_DAYS} days`);
    return total;
  }
}
