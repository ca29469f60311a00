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

  /**
   * The comments table under `alias`, to start a relation that joins what the replies are under (search's reply
   * sources: `${CommentQueries.relationSql('reply')} JOIN annotations …`); the rows' rules are the caller's to add
   * with `AuthoredContentPolicy`'s SQL twins.
   */
  relationSql(alias: string): string {
    return `comments ${alias}`;
  },

  /** A probe of the replies matching `tsquery` (search's rare-term count: `SELECT 1 FROM comments WHERE …`). */
  matchesSql(tsquery: string): string {
    return `SELECT 1 FROM comments WHERE search_vector @@ ${tsquery}`;
  },

  /**
   * A search hit's detail for the reply `commentId` (scalar, `json_build_object` of title, text, version_number,
   * start, end, space_slug): its body; where it is comes from the caller, as SQL over what the reply is under.
   */
  searchDetailSql(
    commentId: string,
    where: { versionNumber: string; start: string; end: string; spaceSlug: string },
  ): string {
    return `(SELECT json_build_object('title', NULL, 'text', c.body,
      'version_number', ${where.versionNumber},
      'start', ${where.start},
      'end', ${where.end},
      'space_slug', ${where.spaceSlug})
    FROM comments c WHERE c.id = ${commentId})`;
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
