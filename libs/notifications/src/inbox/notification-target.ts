import type { LinkTarget } from '@majlis/links';
import { AnnotationQueries } from '@majlis/documents';
import { CommentQueries, SpacePolicy, ThreadQueries } from '@majlis/discussions';
import { ConsultationPolicy, ConsultationQueries, ContributionQueries } from '@majlis/consultations';
import { ModerationPolicy } from '@majlis/moderation';

/** Where a notification opens: the kernel's one link shape, as a search hit's (GraphQL `SearchTargetModel`). */
export type NotificationTarget = LinkTarget;

type TargetKey = keyof NotificationTarget;
const KEYS: readonly TargetKey[] = [
  'documentId',
  'versionId',
  'versionNumber',
  'articleKey',
  'start',
  'end',
  'annotationId',
  'commentId',
  'threadId',
  'spaceId',
  'spaceSlug',
  'consultationId',
  'questionId',
  'organizationId',
];

function targetJson(columns: Partial<Record<TargetKey, string>>): string {
  return `json_build_object(${KEYS.map((key) => `'${key}', ${columns[key] ?? 'NULL'}`).join(', ')})`;
}

const ANNOTATION_COLUMNS = {
  documentId: 'target_annotation.document_id',
  versionId: 'target_annotation.version_id',
  versionNumber: 'target_annotation.version_number',
  articleKey: 'target_annotation.section_key',
  start: 'target_annotation.start_offset',
  end: 'target_annotation.end_offset',
  annotationId: 'target_annotation.id',
} as const;

/**
 * SQL: the link target of the notification aliased `n` for its recipient, the users row `u` (JSON, or NULL).
 * The row has passed `NotificationPolicy.deliverableSql`; this adds what the target itself reveals, under the rules
 * of reads for that person: the annotation readable and not hidden from them by moderation (its author and its
 * moderators still see it) — or, for a reply under it, readable even as a tombstone (deleted or hidden, it keeps its
 * place above its live replies) —, the reply and its thread present (not deleted, not hidden
 * from them) in a space they read, the contribution's discussion its organisation's members' alone, the consultation
 * readable. Anything else: NULL, and clients fall back to the inbox. One expression per row, in the inbox's own
 * statement: a page costs no more statements than before.
 */
export function notificationTargetSql(n: string, u: string): string {
  const moderatedSpaces = SpacePolicy.moderatedSpaceIdsByUserSql(`${u}.id`);
  const replyPresent = (moderated?: string) => `target_reply.id::text = ${n}.subject_id
      AND target_reply.deleted_at IS NULL
      AND NOT ${ModerationPolicy.hiddenForReaderSql('COMMENT', 'target_reply', u, moderated)}`;
  const thread = {
    threadId: 'target_thread.id',
    spaceId: 'target_thread.space_id',
    spaceSlug: 'target_thread.space_slug',
  };
  // Under a live reply, the annotation holds its place as a tombstone when deleted or hidden (the tombstone rule of
  // authored content, as the reader and search show it): only the annotation's own notification needs it present.
  return `(CASE ${n}.subject_type
    WHEN 'ANNOTATION' THEN (SELECT ${targetJson(ANNOTATION_COLUMNS)}
      FROM ${AnnotationQueries.readableRowsSql(u, { present: true })} target_annotation
      WHERE target_annotation.id::text = ${n}.subject_id)
    WHEN 'COMMENT' THEN COALESCE(
      (SELECT ${targetJson({ ...ANNOTATION_COLUMNS, commentId: 'target_reply.id' })}
        FROM ${CommentQueries.rowsSql()} target_reply
        JOIN ${AnnotationQueries.readableRowsSql(u, { present: false })} target_annotation
          ON target_reply.subject_type = 'ANNOTATION' AND target_annotation.id = target_reply.subject_id
        WHERE ${replyPresent()}),
      (SELECT ${targetJson({ commentId: 'target_reply.id', ...thread })}
        FROM ${CommentQueries.rowsSql()} target_reply
        JOIN ${ThreadQueries.readableRowsSql(u, moderatedSpaces)} target_thread
          ON target_reply.subject_type = 'THREAD' AND target_thread.id = target_reply.subject_id
        WHERE ${replyPresent(moderatedSpaces)}),
      (SELECT ${targetJson({ consultationId: 'target_contribution.consultation_id' })}
        FROM ${CommentQueries.rowsSql()} target_reply
        JOIN ${ContributionQueries.readableDiscussionsSql(u)} target_contribution
          ON target_reply.subject_type = 'CONTRIBUTION' AND target_contribution.id = target_reply.subject_id
        WHERE ${replyPresent()}))
    WHEN 'THREAD' THEN (SELECT ${targetJson(thread)}
      FROM ${ThreadQueries.readableRowsSql(u, moderatedSpaces)} target_thread
      WHERE target_thread.id::text = ${n}.subject_id)
    WHEN 'CONSULTATION' THEN (SELECT ${targetJson({ consultationId: 'target_consultation.id' })}
      FROM ${ConsultationQueries.rowsSql()} target_consultation
      WHERE target_consultation.id::text = ${n}.subject_id AND ${ConsultationPolicy.readersSql('target_consultation', u)})
  END)`;
}
