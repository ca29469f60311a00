import type { EntityManager } from 'typeorm';
import { ModerationPolicy } from '@majlis/moderation';
import { SpacePolicy } from '../spaces/space.policy';

/**
 * Discussions' port to threads for other areas (notifications' fan-out and links). Other libs never name `threads`:
 * they call these reads (one statement each) or put these fragments in their own statements, which PostgreSQL
 * inlines.
 */
export const ThreadQueries = {
  /** The thread's title and opening words, in one statement; null when it is gone. */
  async heading(manager: EntityManager, threadId: string): Promise<{ title: string; body: string } | null> {
    const [row] = await manager.query(`SELECT title, body FROM threads WHERE id = $1`, [threadId]);
    return row ?? null;
  },

  /**
   * A relation of threads' `id`, `author_id` and `title`: `LEFT JOIN ${ThreadQueries.rowsSql()} t ON t.id = …`, or
   * `(SELECT t.title FROM ${ThreadQueries.rowsSql()} t WHERE t.id = …)`.
   */
  rowsSql(): string {
    return `(SELECT id, author_id, title FROM threads)`;
  },

  /**
   * A relation of the threads present for the user `user` (a users row alias): not deleted, not hidden from them
   * (its author and the space's moderators still see it), in a space they read; with `id`, `space_id` and
   * `space_slug`. `moderatedSpaces` is `SpacePolicy.moderatedSpaceIdsByUserSql` for that user, as the caller's
   * other checks in the same statement use it.
   */
  readableRowsSql(
    user: string,
    moderatedSpaces: string = SpacePolicy.moderatedSpaceIdsByUserSql(`${user}.id`),
  ): string {
    return `(SELECT port_thread.id, port_thread.space_id, port_space.slug AS space_slug
               FROM threads port_thread JOIN spaces port_space ON port_space.id = port_thread.space_id
              WHERE port_thread.deleted_at IS NULL
                AND NOT ${ModerationPolicy.hiddenForReaderSql('THREAD', 'port_thread', user, moderatedSpaces)}
                AND ${SpacePolicy.readableByUserSql('port_space', `${user}.id`)})`;
  },
};
