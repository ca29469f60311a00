import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent, EVENT_COLUMNS, EventRow, enqueueJob, eventFromRow } from '@majlis/kernel';
import { FollowService } from '../follows/follow.service';
import { NotificationService } from '../inbox/notification.service';
import { JobRunner } from '../jobs/job-runner.service';
import type { NotificationKind } from '../mail/mail-messages';
import { recipientsOf } from './recipients';

export const FANOUT_JOB = 'notifications.fanout';
const BATCH = 200;

/** What one event tells whom (computed by `recipientsOf`), before the read policies filter it. */
export interface Fanout {
  readonly recipients: ReadonlyMap<string, NotificationKind>;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly title: string;
  readonly excerpt: string;
  /** Following what one posts in or replies to. */
  readonly autoFollow?: { readonly userId: string; readonly type: 'THREAD' | 'ANNOTATION'; readonly id: string };
}

/**
 * Notifications are derived from the domain events (`events`, shared with live updates): a job, enqueued by each
 * event's own transaction (a trigger), reads the events after a single cursor, in order, and records each one's
 * notifications in the same transaction that moves the cursor, so every event is fanned out exactly once even when
 * a worker dies midway. The read policies filter recipients there, and again at every delivery.
 */
@Injectable()
export class EventFanout implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationService,
    private readonly follows: FollowService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(FANOUT_JOB, () => this.run());
  }

  async run(): Promise<void> {
    const more = await this.db.transaction(async (manager) => {
      const [cursor] = await manager.query(`SELECT last_seq FROM notification_fanout_cursor FOR UPDATE`);
      const rows: EventRow[] = await manager.query(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
        [cursor.last_seq],
      );
      const notified = new Set<string>();
      for (const row of rows) for (const userId of await this.fanOut(manager, eventFromRow(row))) notified.add(userId);
      if (rows.length > 0) {
        await manager.query(`UPDATE notification_fanout_cursor SET last_seq = $1`, [rows[rows.length - 1].seq]);
      }
      // Last, once for the whole batch: the recipients' bells (the events it records are read by the next run, which
      // finds no notifications in them).
      await this.notifications.announce(manager, notified);
      return rows.length === BATCH;
    });
    if (more) await enqueueJob(this.db, FANOUT_JOB, {}, { jobKey: FANOUT_JOB });
  }

  /** Records the event's notifications; answers who was notified. */
  private async fanOut(manager: EntityManager, event: DomainEvent): Promise<string[]> {
    const fanout = await recipientsOf(manager, event);
    if (!fanout) return [];
    if (fanout.autoFollow) {
      await this.follows.followAutomatically(
        manager,
        fanout.autoFollow.userId,
        fanout.autoFollow.type,
        fanout.autoFollow.id,
      );
    }
    const created = await this.notifications.notify(manager, {
      sourceKey: `event:${event.seq}`,
      recipients: [...fanout.recipients].map(([userId, kind]) => ({ userId, kind })),
      subjectType: fanout.subjectType,
      subjectId: fanout.subjectId,
      actorId: event.actorId,
      documentId: event.documentId,
      spaceId: event.spaceId,
      consultationId: event.consultationId,
      title: fanout.title,
      excerpt: fanout.excerpt,
    });
    return created.map((notification) => notification.userId);
  }
}
