import type { LinkTarget } from '@majlis/links';
import { AnnotationPolicy, DocumentPolicy } from '@majlis/documents';
import { SpacePolicy } from '@majlis/discussions';
import { ConsultationPolicy, ContributionPolicy } from '@majlis/consultations';
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
  versionNumber: 'target_version.number',
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
  // Under a live reply, the annotation holds its place as a tombstone when deleted or hidden (the tombstone rule of
  // authored content, as the reader and search show it): only the annotation's own notification needs it present.
  const annotationReadable = (present: boolean) =>
    `${AnnotationPolicy.readersSql('target_annotation', u)}
      ${present ? `AND target_annotation.deleted_at IS NULL AND NOT ${ModerationPolicy.hiddenForReaderSql('ANNOTATION', 'target_annotation', u)}` : ''}
      AND EXISTS (SELECT 1 FROM documents target_document WHERE target_document.id = target_annotation.document_id
                    AND ${DocumentPolicy.readersSql('target_document', u)})`;
  const threadReadable = `target_thread.deleted_at IS NULL
      AND NOT ${ModerationPolicy.hiddenForReaderSql('THREAD', 'target_thread', u, moderatedSpaces)}
      AND ${SpacePolicy.readableByUserSql('target_space', `${u}.id`)}`;
  const replyPresent = (moderated?: string) => `target_reply.id::text = ${n}.subject_id
      AND target_reply.deleted_at IS NULL
      AND NOT ${ModerationPolicy.hiddenForReaderSql('COMMENT', 'target_reply', u, moderated)}`;
  return `(CASE ${n}.subject_type
    WHEN 'ANNOTATION' THEN (SELECT ${targetJson(ANNOTATION_COLUMNS)}
      FROM annotations target_annotation JOIN document_versions target_version
        ON target_version.id = target_annotation.version_id
      WHERE target_annotation.id::text = ${n}.subject_id AND ${annotationReadable(true)})
    WHEN 'COMMENT' THEN COALESCE(
      (SELECT ${targetJson({ ...ANNOTATION_COLUMNS, commentId: 'target_reply.id' })}
        FROM comments target_reply
        JOIN annotations target_annotation
          ON target_reply.subject_type = 'ANNOTATION' AND target_annotation.id = target_reply.subject_id
        JOIN document_versions target_version ON target_version.id = target_annotation.version_id
        WHERE ${replyPresent()} AND ${annotationReadable(false)}),
      (SELECT ${targetJson({ commentId: 'target_reply.id', threadId: 'target_thread.id', spaceId: 'target_space.id', spaceSlug: 'target_space.slug' })}
        FROM comments target_reply
        JOIN threads target_thread ON target_reply.subject_type = 'THREAD' AND target_thread.id = target_reply.subject_id
        JOIN spaces target_space ON target_space.id = target_thread.space_id
        WHERE ${replyPresent(moderatedSpaces)} AND ${threadReadable}),
      (SELECT ${targetJson({ consultationId: 'target_consultation.id' })}
        FROM comments target_reply
        JOIN contributions target_contribution
          ON target_reply.subject_type = 'CONTRIBUTION' AND target_contribution.id = target_reply.subject_id
        JOIN consultations target_consultation ON target_consultation.id = target_contribution.consultation_id
        WHERE ${replyPresent()} AND ${ContributionPolicy.memberReaderSql('target_contribution.id', u)}
          AND ${ConsultationPolicy.readersSql('target_consultation', u)}))
    WHEN 'THREAD' THEN (SELECT ${targetJson({ threadId: 'target_thread.id', spaceId: 'target_space.id', spaceSlug: 'target_space.slug' })}
      FROM threads target_thread JOIN spaces target_space ON target_space.id = target_thread.space_id
      WHERE target_thread.id::text = ${n}.subject_id AND ${threadReadable})
    WHEN 'CONSULTATION' THEN (SELECT ${targetJson({ consultationId: 'target_consultation.id' })}
      FROM consultations target_consultation
      WHERE target_consultation.id::text = ${n}.subject_id AND ${ConsultationPolicy.readersSql('target_consultation', u)})
  END)`;
}
