import type { EntityManager } from 'typeorm';
import { type Actor, countById, searchHitDetailSql } from '@majlis/kernel';
import { Document } from './document.entity';
import { DocumentPolicy } from './document.policy';

/**
 * Documents' port to documents for other areas (notifications' delivery and e-mails, consultations' links). Other
 * libs never name `documents`: they put these fragments in their own statements, so a read stays one statement, and
 * PostgreSQL inlines them (the plan is the one the table itself would get), or call the reads below.
 */
export const DocumentQueries = {
  /** A relation of documents' `id` and `title`: `LEFT JOIN ${DocumentQueries.rowsSql()} d ON d.id = …`. */
  rowsSql(): string {
    return `(SELECT id, title FROM documents)`;
  },
  /**
   * Condition: the document whose id is the SQL expression `documentId` exists and the user `user` (a users row
   * alias) may read it (`DocumentPolicy.readersSql`).
   */
  readableByUserSql(documentId: string, user: string): string {
    return `EXISTS (SELECT 1 FROM documents port_document WHERE port_document.id = ${documentId}
              AND ${DocumentPolicy.readersSql('port_document', user)})`;
  },
  /** How many of these ids are documents (each counted once), in the caller's transaction. */
  countExisting(manager: EntityManager, ids: readonly string[]): Promise<number> {
    return countById(manager, Document, ids);
  },
  /** The documents among these ids that the actor may see (`DocumentPolicy.visibleSql`), in no particular order. */
  visibleAmong(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<Document[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const visible = DocumentPolicy.visibleSql(actor, 'doc');
    return manager
      .getRepository(Document)
      .createQueryBuilder('doc')
      .where('doc.id IN (:...ids)', { ids: [...ids] })
      .andWhere(visible.sql, visible.params)
      .getMany();
  },

  /** Search's article source: every version's sections, under `article`, in a document `actor` sees. */
  articleSearchSource() {
    return {
      from: `document_sections article JOIN document_versions article_version ON article_version.id = article.version_id
           JOIN documents article_document ON article_document.id = article_version.document_id`,
      columns: {
        id: 'article.id',
        vector: 'article.search_vector',
        name: 'article.heading',
        createdAt: 'article_version.published_at',
        documentId: 'article_version.document_id',
        versionId: 'article.version_id',
        articleKey: 'article.key',
      },
      readable: (actor: Actor) => [DocumentPolicy.visibleSql(actor, 'article_document')],
    };
  },

  /**
   * A search hit's detail for the section `sectionId` (scalar, kernel `searchHitDetailSql`: title, text,
   * version_number, start, end: its heading, its text, its version's number and its offsets).
   */
  articleSearchDetailSql(sectionId: string): string {
    return `(SELECT ${searchHitDetailSql({
      title: 's.heading',
      text: 'substring(v.plain_text FROM s.start_offset + 1 FOR s.end_offset - s.start_offset)',
      version_number: 'v.number',
      start: 's.start_offset',
      end: 's.end_offset',
    })}
    FROM document_sections s JOIN document_versions v ON v.id = s.version_id WHERE s.id = ${sectionId})`;
  },

  /** The number of the version `versionId` (scalar). */
  versionNumberSql(versionId: string): string {
    return `(SELECT v.number FROM document_versions v WHERE v.id = ${versionId})`;
  },

  /** The heading of the article `articleKey` of document `documentId` in its latest version that has it (scalar). */
  articleHeadingSql(documentId: string, articleKey: string): string {
    return `(SELECT section.heading FROM document_sections section
                           JOIN document_versions section_version ON section_version.id = section.version_id
                          WHERE section_version.document_id = ${documentId} AND section.key = ${articleKey}
                          ORDER BY section_version.number DESC LIMIT 1)`;
  },
};
