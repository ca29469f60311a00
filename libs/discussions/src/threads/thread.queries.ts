import type { EntityManager } from 'typeorm';
import { ModerationPolicy } from '@majlis/moderation';
import { type Actor, searchHitDetailSql } from '@majlis/kernel';
import { AuthoredContentPolicy } from '../authored-content.policy';
import { CommentQueries } from '../comments/comment.queries';
import { authoredColumns } from '../authored-content';
import { SpacePolicy } from '../spaces/space.policy';
import { SpaceQueries } from '../spaces/space.queries';

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

  /** Search's thread source: the threads present for `actor` in a space it reads, under `thread`. */
  searchSource() {
    return {
      from: `threads thread JOIN spaces thread_space ON thread_space.id = thread.space_id`,
      columns: {
        ...authoredColumns('thread'),
        name: 'thread.title',
        documentId: 'thread.document_id',
        versionId: 'thread.version_id',
        articleKey: 'thread.section_key',
        spaceId: 'thread.space_id',
        threadId: 'thread.id',
      },
      readable: (actor: Actor) => [
        SpaceQueries.readableSql(actor, 'thread_space'),
        AuthoredContentPolicy.presentSql('THREAD', 'thread', actor),
      ],
    };
  },

  /**
   * Search's source of replies in threads, under `thread_reply`: present replies under a thread `actor` reads
   * (ThreadService's rule: present, or a tombstone above replies, in a readable space).
   */
  replySearchSource() {
    return CommentQueries.replySearchSource('thread_reply', {
      joins: `JOIN threads reply_thread ON ${CommentQueries.underSql('thread_reply', 'THREAD', 'reply_thread.id')}
           JOIN spaces reply_space ON reply_space.id = reply_thread.space_id`,
      columns: {
        documentId: 'reply_thread.document_id',
        versionId: 'reply_thread.version_id',
        articleKey: 'reply_thread.section_key',
        spaceId: 'reply_thread.space_id',
        threadId: 'reply_thread.id',
      },
      readable: (actor: Actor) => [
        SpaceQueries.readableSql(actor, 'reply_space'),
        AuthoredContentPolicy.shownSql('THREAD', 'reply_thread', actor),
      ],
    });
  },

  /**
   * A search hit's detail for the thread `threadId` (scalar, kernel `searchHitDetailSql`: title, text, version_number,
   * space_slug); `versionNumber` is the caller's SQL for the number of the version it is about.
   */
  searchDetailSql(threadId: string, { versionNumber }: { versionNumber: string }): string {
    return `(SELECT ${searchHitDetailSql({
      title: 't.title',
      text: 't.body',
      version_number: versionNumber,
      space_slug: 'sp.slug',
    })}
    FROM threads t JOIN spaces sp ON sp.id = t.space_id WHERE t.id = ${threadId})`;
  },
};
