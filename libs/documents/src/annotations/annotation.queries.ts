import type { EntityManager } from 'typeorm';
import { ModerationPolicy } from '@majlis/moderation';
import { DocumentQueries } from '../documents/document.queries';
import { AnnotationPolicy } from './annotation.policy';

/** What a notification of a new annotation says: its author, words and article, and its document's title. */
export interface AnnotationHeading {
  readonly author_id: string;
  readonly body: string;
  readonly section_key: string | null;
  /** The document's title. */
  readonly title: string;
}

/**
 * Documents' port to annotations for other areas (notifications' fan-out, delivery and links). Other libs never
 * name `annotations` or `document_versions`: they call these reads (one statement each) or put these fragments in
 * their own statements, which PostgreSQL inlines.
 */
export const AnnotationQueries = {
  /** The annotation with its document's title, in one statement; null when it is gone. */
  async heading(manager: EntityManager, annotationId: string): Promise<AnnotationHeading | null> {
    const [row]: AnnotationHeading[] = await manager.query(
      `SELECT a.author_id, a.body, a.section_key, d.title FROM annotations a JOIN documents d ON d.id = a.document_id
        WHERE a.id = $1`,
      [annotationId],
    );
    return row ?? null;
  },

  /**
   * A relation of annotations' `id`, `author_id` and `document_id`, for a join from a reply:
   * `LEFT JOIN ${AnnotationQueries.rowsSql()} a ON c.subject_type = 'ANNOTATION' AND a.id = …`.
   */
  rowsSql(): string {
    return `(SELECT id, author_id, document_id FROM annotations)`;
  },

  /**
   * Condition: the annotation whose id is the SQL expression `annotationId` exists and the user `user` (a users row
   * alias) may read it (`AnnotationPolicy.readersSql`). With `textId`, `annotationId` is text (a notification's
   * `subject_id`) and is compared with the id as text.
   */
  readableByUserSql(annotationId: string, user: string, { textId = false } = {}): string {
    return `EXISTS (SELECT 1 FROM annotations port_annotation
              WHERE port_annotation.id${textId ? '::text' : ''} = ${annotationId}
                AND ${AnnotationPolicy.readersSql('port_annotation', user)})`;
  },

  /**
   * A relation of the annotations the user `user` (a users row alias) may read, in a document they read, with where
   * they sit: `id`, `document_id`, `version_id`, `version_number`, `section_key`, `start_offset`, `end_offset`.
   * With `present`, also not deleted and not hidden from them by moderation (its author and its moderators still see
   * it); without, a deleted or hidden one is kept (the tombstone above live replies).
   */
  readableRowsSql(user: string, { present }: { present: boolean }): string {
    return `(SELECT port_annotation.id, port_annotation.document_id, port_annotation.version_id,
                    port_version.number AS version_number, port_annotation.section_key, port_annotation.start_offset,
                    port_annotation.end_offset
               FROM annotations port_annotation
               JOIN document_versions port_version ON port_version.id = port_annotation.version_id
              WHERE ${AnnotationPolicy.readersSql('port_annotation', user)}
                ${present ? `AND port_annotation.deleted_at IS NULL AND NOT ${ModerationPolicy.hiddenForReaderSql('ANNOTATION', 'port_annotation', user)}` : ''}
                AND ${DocumentQueries.readableByUserSql('port_annotation.document_id', user)})`;
  },
};
