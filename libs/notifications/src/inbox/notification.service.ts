import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  Actor,
  Clock,
  Connection,
  PageRequest,
  cursorValues,
  recordEvent,
  enqueueJob,
  pageWindow,
  parseInput,
  toConnection,
} from '@majlis/kernel';
import { UserQueries } from '@majlis/identity';
import type { NotificationKind } from '../mail/mail-messages';
import { EmailFrequency, NotificationPolicy } from './notification.policy';
import { NotificationTarget, notificationTargetSql } from './notification-target';

/** One notification in someone's inbox. */
export interface InboxNotification {
  readonly id: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly actorId: string | null;
  /** The display name of who caused it (null for the platform itself, e.g. deadline reminders). */
  readonly actorName: string | null;
  readonly documentId: string | null;
  readonly spaceId: string | null;
  readonly consultationId: string | null;
  readonly title: string;
  readonly excerpt: string;
  readonly createdAt: Date;
  readonly readAt: Date | null;
  /** Where it opens (the reader, a thread, a consultation), null when its content is no longer readable there. */
  readonly target: NotificationTarget | null;
}

/** What happened, to whom: the fan-out computes recipients, this records it once per (recipient, source). */
export interface NewNotification {
  /** Unique per recipient for what caused it (`event:<seq>`, `reminder:<consultation>:48`): re-running is harmless. */
  readonly sourceKey: string;
  readonly recipients: readonly { readonly userId: string; readonly kind: NotificationKind }[];
  readonly subjectType: string;
  readonly subjectId: string;
  readonly actorId: string | null;
  readonly documentId?: string | null;
  readonly spaceId?: string | null;
  readonly consultationId?: string | null;
  readonly title: string;
  readonly excerpt?: string;
  /** Time-bound (deadline reminders): e-mailed at once to everyone but those who turned e-mails off. */
  readonly urgent?: boolean;
}

export const NOTIFICATION_EMAIL_JOB = 'email.notification';

const markReadInput = z.object({ ids: z.array(z.string().uuid('is not a notification id')).min(1).max(100) });

const COLUMNS = `n.id, n.user_id AS "userId", n.kind, n.subject_type AS "subjectType", n.subject_id AS "subjectId",
  n.actor_id AS "actorId", n.document_id AS "documentId", n.space_id AS "spaceId",
  n.consultation_id AS "consultationId", n.title, n.excerpt, n.created_at AS "createdAt", n.read_at AS "readAt",
  ${UserQueries.displayNameSql('n.actor_id')} AS "actorName",
  ${notificationTargetSql('n', 'u')} AS "target"`;

/** The inbox: recording notifications (read policies checked at creation) and reading them (checked again). */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a notification for each recipient who may read its subject (never its own actor), in the caller's
   * transaction, and enqueues an immediate e-mail for those who chose them (in the same transaction: outbox).
   * Returns who was notified; the caller announces them (`announce`) in the same transaction.
   */
  async notify(manager: EntityManager, notification: NewNotification): Promise<{ id: string; userId: string }[]> {
    const recipients = notification.recipients.filter((recipient) => recipient.userId !== notification.actorId);
    if (recipients.length === 0) return [];
    const rows: { id: string; user_id: string; email_frequency: string | null }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, source_key, subject_type, subject_id, actor_id, document_id, space_id,
                                  consultation_id, title, excerpt, created_at)
       SELECT n.user_id, n.kind, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
         FROM (SELECT r.user_id, r.kind, $4::text AS subject_type, $5::text AS subject_id, $7::uuid AS document_id,
                      $8::uuid AS space_id, $9::uuid AS consultation_id
                 FROM unnest($1::uuid[], $2::text[]) AS r (user_id, kind)) n
         JOIN ${UserQueries.rowsSql()} u ON u.id = n.user_id
        WHERE ${NotificationPolicy.deliverableSql('n', 'u')}
       ON CONFLICT (user_id, source_key) DO NOTHING
       RETURNING id, user_id,
         (SELECT s.email_frequency FROM notification_settings s WHERE s.user_id = notifications.user_id)`,
      [
        recipients.map((recipient) => recipient.userId),
        recipients.map((recipient) => recipient.kind),
        notification.sourceKey,
        notification.subjectType,
        notification.subjectId,
        notification.actorId,
        notification.documentId ?? null,
        notification.spaceId ?? null,
        notification.consultationId ?? null,
        notification.title.slice(0, 300),
        (notification.excerpt ?? '').slice(0, 500),
        this.clock.now(),
      ],
    );
    for (const row of rows) {
      const frequency = (row.email_frequency ?? 'DAILY') as EmailFrequency;
      if (NotificationPolicy.emailsAtOnce(frequency) || (notification.urgent && frequency !== 'NONE')) {
        await enqueueJob(manager, NOTIFICATION_EMAIL_JOB, { notificationId: row.id });
      }
    }
    return rows.map((row) => ({ id: row.id, userId: row.user_id }));
  }

  /**
   * Tells these recipients live that their inbox changed (the bell re-reads its count): one INBOX_CHANGED event per
   * person, recorded in the caller's transaction (a rolled-back fan-out pushes nothing), delivered to that person
   * only (NotificationPolicy.canFollowInbox).
   */
  async announce(manager: EntityManager, userIds: Iterable<string>): Promise<void> {
    for (const userId of new Set(userIds)) {
      await recordEvent(manager, { type: 'INBOX_CHANGED', subjectType: 'USER', subjectId: userId });
    }
  }

  /** The actor's notifications, newest first, leaving out what they may no longer read. */
  async inbox(
    actor: Actor,
    page: PageRequest & { readonly unreadOnly?: boolean | null },
  ): Promise<Connection<InboxNotification>> {
    const window = pageWindow(page);
    const params: unknown[] = [actor.userId, window.limit + 1];
    let after = '';
    if (window.after) {
      const [createdAt, id] = cursorValues(window.after, ['timestamptz', 'uuid']);
      params.push(createdAt, id);
      after = `AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)`;
    }
    const unread = page.unreadOnly ? 'AND n.read_at IS NULL' : '';
    const rows: InboxNotification[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notifications n JOIN ${UserQueries.rowsSql()} u ON u.id = n.user_id
        WHERE n.user_id = $1 ${unread} ${after} AND ${NotificationPolicy.deliverableSql('n', 'u')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      params,
    );
    const total = await this.count(actor, Boolean(page.unreadOnly));
    return toConnection(rows, window, (row) => [new Date(row.createdAt).toISOString(), row.id], total);
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.count(actor, true);
  }

  /** One notification of the actor's, still deliverable; null otherwise. */
  async find(userId: string, id: string): Promise<InboxNotification | null> {
    const [row] = await this.db.query(
      `SELECT ${COLUMNS} FROM notifications n JOIN ${UserQueries.rowsSql()} u ON u.id = n.user_id
        WHERE n.id = $1 AND n.user_id = $2 AND ${NotificationPolicy.deliverableSql('n', 'u')}`,
      [id, userId],
    );
    return row ?? null;
  }

  /** Marks some of the actor's notifications read (others' ids are ignored: they answer as if absent). */
  async markRead(actor: Actor, raw: { ids: string[] }): Promise<InboxNotification[]> {
    const { ids } = parseInput(markReadInput, raw);
    await this.db.transaction(async (manager) => {
      const [, marked] = await manager.query(
        `UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
        [actor.userId, ids, this.clock.now()],
      );
      // The person's other tabs and devices re-read their bell.
      if (marked > 0) await this.announce(manager, [actor.userId]);
    });
    const rows: InboxNotification[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notifications n JOIN ${UserQueries.rowsSql()} u ON u.id = n.user_id
        WHERE n.user_id = $1 AND n.id = ANY($2::uuid[]) AND ${NotificationPolicy.deliverableSql('n', 'u')}
        ORDER BY n.created_at DESC, n.id DESC`,
      [actor.userId, ids],
    );
    return rows;
  }

  /** Marks every notification of the actor read; returns how many were unread. */
  async markAllRead(actor: Actor): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [row] = await manager.query(
        `WITH marked AS (UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id)
         SELECT count(*)::int AS count FROM marked`,
        [actor.userId, this.clock.now()],
      );
      // The person's other tabs and devices re-read their bell.
      if (row.count > 0) await this.announce(manager, [actor.userId]);
      return row.count as number;
    });
  }

  private async count(actor: Actor, unreadOnly: boolean): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS count FROM notifications n JOIN ${UserQueries.rowsSql()} u ON u.id = n.user_id
        WHERE n.user_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
          AND ${NotificationPolicy.deliverableSql('n', 'u')}`,
      [actor.userId],
    );
    return row.count;
  }
}
