import type { EntityManager } from 'typeorm';
import { markdownExcerpt, type DomainEvent } from '@majlis/kernel';
import { ConsultationQueries, ContributionQueries } from '@majlis/consultations';
import { CommentQueries, ThreadQueries } from '@majlis/discussions';
import { AnnotationQueries, DocumentQueries } from '@majlis/documents';
import { ContentModerationQueries } from '@majlis/moderation';
import type { NotificationKind } from '../mail/mail-messages';
import type { Fanout } from './event-fanout';

/** When one event gives someone several reasons, the strongest is kept. */
const STRENGTH: Readonly<Record<NotificationKind, number>> = {
  MENTION: 5,
  OFFICIAL_ANSWER: 4,
  REPLY: 3,
  MODERATION: 2,
  DEADLINE_REMINDER: 1,
  ACTIVITY: 0,
};

class Recipients {
  readonly byUser = new Map<string, NotificationKind>();
  add(userIds: readonly (string | null | undefined)[], kind: NotificationKind): this {
    for (const userId of userIds) {
      if (!userId) continue;
      const current = this.byUser.get(userId);
      if (!current || STRENGTH[kind] > STRENGTH[current]) this.byUser.set(userId, kind);
    }
    return this;
  }
}

/**
 * Who hears of activity in what they follow: the followers of these subjects, and the people WATCHING the space,
 * minus those who MUTED it (NotificationPolicy.hearsActivity, as SQL over the follows and levels).
 */
async function activityAudience(
  manager: EntityManager,
  follows: readonly (readonly [string, string | null])[],
  spaceId: string | null,
): Promise<string[]> {
  const followed = follows.filter(([, id]) => id !== null) as [string, string][];
  const rows: { user_id: string }[] = await manager.query(
    `SELECT DISTINCT audience.user_id FROM (
       SELECT f.user_id FROM follows f
         JOIN unnest($1::text[], $2::text[]) AS followed (subject_type, subject_id)
           ON followed.subject_type = f.subject_type AND followed.subject_id = f.subject_id
       UNION SELECT l.user_id FROM space_notification_levels l WHERE l.space_id = $3 AND l.level = 'WATCHING'
     ) audience
     WHERE NOT EXISTS (SELECT 1 FROM space_notification_levels muted WHERE muted.user_id = audience.user_id
                         AND muted.space_id = $3 AND muted.level = 'MUTED')`,
    [followed.map(([type]) => type), followed.map(([, id]) => id), spaceId],
  );
  return rows.map((row) => row.user_id);
}

/** What an inbox item and its e-mail quote of the content: its words, without the Markdown. */
function excerptOf(body: string | null | undefined): string {
  return markdownExcerpt(body, 200);
}

/** The recipients of one domain event, with why each is told; null for events nobody is notified of. */
export async function recipientsOf(manager: EntityManager, event: DomainEvent): Promise<Fanout | null> {
  switch (event.type) {
    case 'ANNOTATION_CREATED': {
      const annotation = await AnnotationQueries.heading(manager, event.subjectId);
      if (!annotation) return null;
      const audience = await activityAudience(
        manager,
        [
          ['DOCUMENT', event.documentId],
          ['ARTICLE', annotation.section_key ? `${event.documentId}:${annotation.section_key}` : null],
        ],
        null,
      );
      return {
        recipients: new Recipients().add(audience, 'ACTIVITY').byUser,
        subjectType: 'ANNOTATION',
        subjectId: event.subjectId,
        title: annotation.title,
        excerpt: excerptOf(annotation.body),
        autoFollow: event.actorId ? { userId: event.actorId, type: 'ANNOTATION', id: event.subjectId } : undefined,
      };
    }
    case 'ANNOTATION_ANSWERED': {
      const annotation = await AnnotationQueries.heading(manager, event.subjectId);
      if (!annotation) return null;
      const audience = await activityAudience(manager, [['ANNOTATION', event.subjectId]], null);
      return {
        recipients: new Recipients().add(audience, 'ACTIVITY').add([annotation.author_id], 'OFFICIAL_ANSWER').byUser,
        subjectType: 'ANNOTATION',
        subjectId: event.subjectId,
        title: annotation.title,
        excerpt: '',
      };
    }
    case 'COMMENT_CREATED':
      return commentCreated(manager, event);
    case 'THREAD_CREATED': {
      const thread = await ThreadQueries.heading(manager, event.subjectId);
      if (!thread) return null;
      const audience = await activityAudience(manager, [['SPACE', event.spaceId]], event.spaceId);
      return {
        recipients: new Recipients().add(audience, 'ACTIVITY').byUser,
        subjectType: 'THREAD',
        subjectId: event.subjectId,
        title: thread.title,
        excerpt: excerptOf(thread.body),
        autoFollow: event.actorId ? { userId: event.actorId, type: 'THREAD', id: event.subjectId } : undefined,
      };
    }
    case 'CONTENT_HIDDEN':
    case 'CONTENT_RESTORED': {
      const authorId = await ContentModerationQueries.authorOf(manager, event.subjectType, event.subjectId);
      if (!authorId) return null;
      return {
        recipients: new Recipients().add([authorId], 'MODERATION').byUser,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        title: await titleOf(manager, event),
        excerpt: '',
      };
    }
    case 'CONSULTATION_CHANGED': {
      const [consultation] = await manager.query(
        `SELECT c.title FROM ${ConsultationQueries.rowsSql()} c WHERE c.id = $1`,
        [event.subjectId],
      );
      if (!consultation) return null;
      const audience = await activityAudience(manager, [['CONSULTATION', event.subjectId]], null);
      return {
        recipients: new Recipients().add(audience, 'ACTIVITY').byUser,
        subjectType: 'CONSULTATION',
        subjectId: event.subjectId,
        title: consultation.title,
        excerpt: '',
      };
    }
    default:
      return null; // edits and deletions are live updates, not notifications
  }
}

/**
 * A reply: its mentions, the author of what it answers (the reply above it, and the annotation or thread), an
 * official reply under an annotation to the annotation's author, and activity to the conversation's followers.
 * In a contribution's internal discussion (its organisation's alone), only mentions and replies to one's own reply
 * are told, under the consultation's title; nobody follows it (delivery checks membership: `deliverableSql`).
 */
async function commentCreated(manager: EntityManager, event: DomainEvent): Promise<Fanout | null> {
  const [comment] = await manager.query(
    `SELECT c.subject_type, c.subject_id, c.body, c.is_official, parent.author_id AS parent_author,
            COALESCE(a.author_id, t.author_id) AS subject_author, COALESCE(t.title, d.title, co.title) AS title
       FROM ${CommentQueries.rowsSql()} c
       LEFT JOIN ${CommentQueries.rowsSql()} parent ON parent.id = c.parent_id
       LEFT JOIN ${AnnotationQueries.rowsSql()} a ON c.subject_type = 'ANNOTATION' AND a.id = c.subject_id
       LEFT JOIN ${DocumentQueries.rowsSql()} d ON d.id = a.document_id
       LEFT JOIN ${ThreadQueries.rowsSql()} t ON c.subject_type = 'THREAD' AND t.id = c.subject_id
       LEFT JOIN ${ContributionQueries.rowsSql()} k ON c.subject_type = 'CONTRIBUTION' AND k.id = c.subject_id
       LEFT JOIN ${ConsultationQueries.rowsSql()} co ON co.id = k.consultation_id
      WHERE c.id = $1`,
    [event.subjectId],
  );
  if (!comment || !['ANNOTATION', 'THREAD', 'CONTRIBUTION'].includes(comment.subject_type)) return null;
  const mentioned = await CommentQueries.mentionedUserIds(manager, event.subjectId);
  if (comment.subject_type === 'CONTRIBUTION')
    return {
      recipients: new Recipients().add([comment.parent_author], 'REPLY').add(mentioned, 'MENTION').byUser,
      subjectType: 'COMMENT',
      subjectId: event.subjectId,
      title: comment.title ?? '',
      excerpt: excerptOf(comment.body),
    };
  const audience = await activityAudience(
    manager,
    [
      [comment.subject_type, comment.subject_id],
      ['SPACE', comment.subject_type === 'THREAD' ? event.spaceId : null],
    ],
    event.spaceId,
  );
  const recipients = new Recipients()
    .add(audience, 'ACTIVITY')
    .add([comment.parent_author, comment.subject_author], 'REPLY')
    .add(mentioned, 'MENTION');
  if (comment.is_official && comment.subject_type === 'ANNOTATION')
    recipients.add([comment.subject_author], 'OFFICIAL_ANSWER');
  return {
    recipients: recipients.byUser,
    subjectType: 'COMMENT',
    subjectId: event.subjectId,
    title: comment.title ?? '',
    excerpt: excerptOf(comment.body),
    autoFollow: event.actorId
      ? { userId: event.actorId, type: comment.subject_type, id: comment.subject_id }
      : undefined,
  };
}

async function titleOf(manager: EntityManager, event: DomainEvent): Promise<string> {
  const [row] = await manager.query(
    `SELECT COALESCE((SELECT t.title FROM ${ThreadQueries.rowsSql()} t WHERE t.id = $1),
                     (SELECT d.title FROM ${DocumentQueries.rowsSql()} d WHERE d.id = $2), '') AS title`,
    [event.threadId, event.documentId],
  );
  return row?.title ?? '';
}
