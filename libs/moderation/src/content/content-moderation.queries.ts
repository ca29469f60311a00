import type { EntityManager } from 'typeorm';

/**
 * Moderation's port to its content records for other areas (notifications' fan-out and delivery). Other libs never
 * name `content_moderation`: they call these reads (one statement each) or put these fragments in their own
 * statements.
 */
export const ContentModerationQueries = {
  /** The author of moderated content, as moderation recorded it; null when it never was moderated. */
  async authorOf(manager: EntityManager, type: string, contentId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT author_id FROM content_moderation WHERE content_type = $1 AND content_id = $2`,
      [type, contentId],
    );
    return row?.author_id ?? null;
  },

  /**
   * Condition: the content of type `contentType` whose id as text is `contentIdText` (SQL expressions, e.g. a
   * notification's `subject_type` and `subject_id`) is hidden, from everyone but its author, the user whose id is the
   * SQL expression `userId`.
   */
  hiddenFromSql(contentType: string, contentIdText: string, userId: string): string {
    return `EXISTS (SELECT 1 FROM content_moderation port_moderation WHERE port_moderation.content_type = ${contentType}
              AND port_moderation.content_id::text = ${contentIdText} AND port_moderation.hidden
              AND port_moderation.author_id IS DISTINCT FROM ${userId})`;
  },
};
