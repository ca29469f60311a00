import type { EntityManager } from 'typeorm';

/**
 * Moderation's port to its content records for other areas (the content lists, notifications' fan-out and
 * delivery). Other libs never
 * name `content_moderation`: they call these reads (one statement each) or put these fragments in their own
 * statements.
 */
export const ContentModerationQueries = {
  /**
   * A relation of moderation records' `content_type`, `content_id`, `hidden`, `hidden_reason`, `hidden_at`,
   * `space_id`, `platform_moderated` and `moderating_organization_id`, for lists that preload each item's record:
   * `LEFT JOIN ${ContentModerationQueries.rowsSql()} moderation ON moderation.content_type = 'THREAD' AND …`.
   */
  rowsSql(): string {
    return `(SELECT content_type, content_id, hidden, hidden_reason, hidden_at, space_id, platform_moderated,
                    moderating_organization_id FROM content_moderation)`;
  },

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
