import { DocumentPolicy } from './document.policy';

/**
 * Documents' port to documents for other areas' SQL (notifications' delivery and e-mails). Other libs never name
 * `documents`: they put these fragments in their own statements, so a read stays one statement, and PostgreSQL
 * inlines them (the plan is the one the table itself would get).
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
};
