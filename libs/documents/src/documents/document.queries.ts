import type { EntityManager } from 'typeorm';
import type { Actor } from '@majlis/kernel';
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
  async countExisting(manager: EntityManager, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [{ known }]: { known: number }[] = await manager.query(
      `SELECT count(*)::int AS known FROM documents WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return known;
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
};
