import type { EntityManager } from 'typeorm';
import { type Actor, searchHitDetailSql } from '@majlis/kernel';
import { CommentQueries, authoredColumns } from '@majlis/discussions';
import { ModerationPolicy } from '@majlis/moderation';
import { DocumentQueries } from '../documents/document.queries';
import { DocumentPolicy } from '../documents/document.policy';
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

  /** Search's annotation source: the annotations present for `actor`, visible to it, in a document it sees. */
  searchSource() {
    return {
      from: `annotations annotation JOIN documents annotation_document ON annotation_document.id = annotation.document_id`,
      columns: {
        ...authoredColumns('annotation'),
        documentId: 'annotation.document_id',
        versionId: 'annotation.version_id',
        articleKey: 'annotation.section_key',
        motivation: 'annotation.motivation',
        annotationId: 'annotation.id',
      },
      readable: (actor: Actor) => [
        DocumentPolicy.visibleSql(actor, 'annotation_document'),
        AnnotationPolicy.presentSql(actor, 'annotation'),
        AnnotationPolicy.visibleSql(actor, 'annotation'),
      ],
    };
  },

  /**
   * Search's source of replies under annotations (discussions' comments joined to the annotation and its document),
   * under `reply`: present replies under an annotation `actor` may read, as AnnotationService.get decides (present,
   * or a tombstone above replies), in a document it sees.
   */
  replySearchSource() {
    return CommentQueries.replySearchSource('reply', {
      joins: `JOIN annotations reply_annotation ON ${CommentQueries.underSql('reply', 'ANNOTATION', 'reply_annotation.id')}
           JOIN documents reply_document ON reply_document.id = reply_annotation.document_id`,
      columns: {
        documentId: 'reply_annotation.document_id',
        versionId: 'reply_annotation.version_id',
        articleKey: 'reply_annotation.section_key',
        annotationId: 'reply_annotation.id',
      },
      readable: (actor: Actor) => [
        DocumentPolicy.visibleSql(actor, 'reply_document'),
        AnnotationPolicy.shownSql(actor, 'reply_annotation'),
        AnnotationPolicy.visibleSql(actor, 'reply_annotation'),
      ],
    });
  },

  /** A probe of the annotations matching `tsquery` (search's rare-term count: `SELECT 1 FROM annotations WHERE …`). */
  matchesSql(tsquery: string): string {
    return `SELECT 1 FROM annotations WHERE search_vector @@ ${tsquery}`;
  },

  /**
   * A search hit's detail for the annotation `annotationId` (scalar, kernel `searchHitDetailSql`: title, text,
   * version_number, start, end: its quote, its body and suggestion, its version's number, its offsets).
   */
  searchDetailSql(annotationId: string): string {
    return `(SELECT ${searchHitDetailSql({
      title: 'a.quote_exact',
      text: "a.body || coalesce(' ' || a.suggested_text, '')",
      version_number: 'v.number',
      start: 'a.start_offset',
      end: 'a.end_offset',
    })}
    FROM annotations a JOIN document_versions v ON v.id = a.version_id WHERE a.id = ${annotationId})`;
  },

  /** The start or end offset of the annotation `annotationId` in its version's text (scalar). */
  offsetSql(annotationId: string, edge: 'start' | 'end'): string {
    return `(SELECT a.${edge}_offset FROM annotations a WHERE a.id = ${annotationId})`;
  },
};
