import type { Actor } from '@majlis/kernel';
import { AnnotationQueries, DocumentQueries } from '@majlis/documents';
import { CommentQueries, SpaceQueries } from '@majlis/discussions';
import { ConsultationQueries, ContributionPolicy } from '@majlis/consultations';
import { ContentModerationQueries } from '@majlis/moderation';
import type { NotificationKind } from '../mail/mail-messages';

export type SpaceNotificationLevel = 'WATCHING' | 'NORMAL' | 'MUTED';
export type EmailFrequency = 'NONE' | 'IMMEDIATE' | 'DAILY' | 'WEEKLY';

/** What a notification is about, enough to decide who may still read it. */
export interface NotificationFacts {
  readonly userId: string;
  readonly kind: NotificationKind;
}

/**
 * Who is told what: every rule of the notifications area, each once as a predicate and, for lists, counts,
 * creation and delivery, its SQL twin beside it. Spec: notification.policy.spec.ts.
 */
export const NotificationPolicy = {
  /** A notification is its recipient's alone; anyone else gets NOT_FOUND. */
  canRead(actor: Actor, notification: Pick<NotificationFacts, 'userId'>): boolean {
    return notification.userId === actor.userId;
  },

  /** Mentions, replies to you, official answers to your annotations, moderation of your content and deadlines. */
  /**
   * Who follows a person's inbox live (its INBOX_CHANGED events, whose subject is the recipient): the recipient
   * alone, as for the notifications themselves.
   */
  canFollowInbox(actor: Actor, recipientId: string): boolean {
    return NotificationPolicy.canRead(actor, { userId: recipientId });
  },

  alwaysNotifies(kind: NotificationKind): boolean {
    return kind !== 'ACTIVITY';
  },

  /**
   * Whether someone is told about activity, by their level in the space it happened in: MUTED silences activity
   * (never what always notifies), WATCHING hears everything in the space, NORMAL only what they follow.
   */
  hearsActivity(level: SpaceNotificationLevel, follows: boolean): boolean {
    if (level === 'MUTED') return false;
    return level === 'WATCHING' || follows;
  },

  /** Immediate e-mails go out only to people who chose them; digests gather the rest. */
  emailsAtOnce(frequency: EmailFrequency): boolean {
    return frequency === 'IMMEDIATE';
  },

  /**
   * SQL twin of "may the recipient still read what this notification is about", checked when it is created AND
   * every time it is delivered (inbox, counts, e-mails): the notification aliased `n`, its recipient the users row
   * `u`. An inactive account, a space, document or consultation they cannot read (any more), an annotation they may
   * not see (or a reply under one), a reply in a contribution's internal discussion to someone no longer in its
   * organisation, content hidden by moderation (except from its author), a deleted reply — and it is not delivered.
   */
  deliverableSql(n: string, u: string): string {
    return `(${u}.status = 'ACTIVE'
      AND (${n}.space_id IS NULL OR ${SpaceQueries.readableByUserSql(`${n}.space_id`, `${u}.id`)})
      AND (${n}.document_id IS NULL OR ${DocumentQueries.readableByUserSql(`${n}.document_id`, u)})
      AND (${n}.subject_type <> 'ANNOTATION' OR ${AnnotationQueries.readableByUserSql(`${n}.subject_id`, u, { textId: true })})
      AND (${n}.subject_type <> 'COMMENT' OR EXISTS (SELECT 1 FROM ${CommentQueries.rowsSql()} n_comment
            WHERE n_comment.id::text = ${n}.subject_id AND n_comment.deleted_at IS NULL
              AND (n_comment.subject_type = 'THREAD' OR (n_comment.subject_type = 'ANNOTATION'
                AND ${AnnotationQueries.readableByUserSql('n_comment.subject_id', u)})
                OR (n_comment.subject_type = 'CONTRIBUTION'
                  AND ${ContributionPolicy.memberReaderSql('n_comment.subject_id', u)}))))
      AND (${n}.consultation_id IS NULL OR ${ConsultationQueries.readableByUserSql(`${n}.consultation_id`, u)})
      AND NOT ${ContentModerationQueries.hiddenFromSql(`${n}.subject_type`, `${n}.subject_id`, `${u}.id`)})`;
  },
};
