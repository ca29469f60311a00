import type { EntityManager } from 'typeorm';
import { type Actor, type SqlCondition, searchHitDetailSql } from '@majlis/kernel';
import { authoredColumns } from '../authored-content';
import { AuthoredContentPolicy } from '../authored-content.policy';

/**
 * Discussions' port to replies for other areas (notifications' fan-out, delivery and links; search's reply sources).
 * Other libs never name `comments` or `comment_mentions`: they call these reads (one statement each) or put these
 * fragments in their own statements, which PostgreSQL inlines.
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
   * Search's source of the replies under one kind of subject, under `alias`: the present replies (AuthoredContentPolicy)
   * joined, by the subject's area, to their subject (`JOIN annotations reply_annotation ON ${underSql(…)} …`), with
   * its columns and the subject's read rules.
   */
  replySearchSource<Columns extends Record<string, string>>(
    alias: string,
    subject: { joins: string; columns: Columns; readable: (actor: Actor) => SqlCondition[] },
  ) {
    return {
      from: `comments ${alias} ${subject.joins}`,
      columns: { ...authoredColumns(alias), ...subject.columns },
      readable: (actor: Actor) => [
        AuthoredContentPolicy.presentSql('COMMENT', alias, actor),
        ...subject.readable(actor),
      ],
    };
  },

  /** The condition that the reply `alias` is under the subject of `type` whose id is `subjectId`. */
  underSql(alias: string, type: string, subjectId: string): string {
    return `${alias}.subject_type = '${type}' AND ${subjectId} = ${alias}.subject_id`;
  },

  /** A probe of the replies matching `tsquery` (search's rare-term count: `SELECT 1 FROM comments WHERE …`). */
  matchesSql(tsquery: string): string {
    return `SELECT 1 FROM comments WHERE search_vector @@ ${tsquery}`;
  },

  /**
   * A search hit's detail for the reply `commentId` (scalar, kernel `searchHitDetailSql`: title, text, version_number,
   * start, end, space_slug): its body, no title; where it is comes from the caller, as SQL over what the reply is under.
   */
  searchDetailSql(
    commentId: string,
    where: { versionNumber: string; start: string; end: string; spaceSlug: string },
  ): string {
    return `(SELECT ${searchHitDetailSql({
      title: 'NULL',
      text: 'c.body',
      version_number: where.versionNumber,
      start: where.start,
      end: where.end,
      space_slug: where.spaceSlug,
    })}
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
