import type { EntityManager } from 'typeorm';

/**
 * Discussions' port to replies for other areas (notifications' fan-out, delivery and links). Other libs never name
 * `comments` or `comment_mentions`: they call these reads (one statement each) or put these fragments in their own
 * statements, which PostgreSQL inlines.
 */
export const CommentQueries = {
  /**
   * A relation of replies' `id`, `subject_type`, `subject_id`, `parent_id`, `author_id`, `body`, `is_official` and
   * `deleted_at`: `FROM ${CommentQueries.rowsSql()} c LEFT JOIN ${CommentQueries.rowsSql()} parent ON …`.
   */
  rowsSql(): string {
    return `(SELECT id, subject_type, subject_id, parent_id, author_id, body, is_official, deleted_at FROM comments)`;
  },

  /** The people the reply mentions, in one statement. */
  async mentionedUserIds(manager: EntityManager, commentId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM comment_mentions WHERE comment_id = $1`,
      [commentId],
    );
    return rows.map((row) => row.user_id);
  },
};
