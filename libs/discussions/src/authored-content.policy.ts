import { Actor, isRepresentativeOf, isStaff } from '@majlis/kernel';
import type { SqlCondition } from '@majlis/kernel';
import { ModerationPolicy } from '@majlis/moderation';
import { isShown, presentSql, shownSql } from './authored-content';
import { SpacePolicy, readerParameters } from './spaces/space.policy';

/** What the rules need of a thread or a comment. */
export interface Authored {
  readonly authorId: string;
  readonly deletedAt: Date | null;
}

/**
 * Threads and comments (authored content): who writes, edits, deletes, speaks for an organisation, answers
 * officially and reads the history; and what stays visible once deleted or hidden. Each rule once, with its SQL
 * twin beside it. Reading them is the subject's or the space's rule (SpacePolicy, SubjectRegistry); hiding by
 * moderation is ModerationPolicy's.
 */
export const AuthoredContentPolicy = {
  /** Its author edits it, while it is not deleted. */
  canEdit(actor: Actor, content: Authored): boolean {
    return content.authorId === actor.userId && !content.deletedAt;
  },
  /** Its author deletes it (a tombstone stays while replies hang under it). */
  canDelete(actor: Actor, content: Authored): boolean {
    return content.authorId === actor.userId;
  },
  /** Posting on behalf of an organisation: its representatives only. Speaking for oneself: anyone who may post. */
  canSpeakFor(actor: Actor, organizationId: string | null | undefined): boolean {
    return !organizationId || isRepresentativeOf(actor, organizationId);
  },
  /** Official answers are the ministry's (platform moderators). */
  canAnswerOfficially(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** Earlier texts of a comment: its author and the ministry's moderators. */
  canSeeHistory(actor: Actor, content: Authored): boolean {
    return content.authorId === actor.userId || isStaff(actor);
  },
  /** Endorsing (annotations, comments): anyone who sees it, except its author. */
  canEndorse(actor: Actor, content: { readonly authorId: string }): boolean {
    return content.authorId !== actor.userId;
  },
  /** A thread takes replies while neither deleted nor locked (who may post is SpacePolicy.canPost). */
  takesReplies(thread: Authored & { readonly locked: boolean }): 'DELETED' | 'LOCKED' | true {
    if (thread.deletedAt) return 'DELETED';
    if (thread.locked) return 'LOCKED';
    return true;
  },

  /** Shown in its place: present, or a tombstone above live replies (authored-content.ts's tombstone rule). */
  isShown,
  /** SQL twin of isShown for the thread or comment aliased `alias`. */
  shownSql(type: 'THREAD' | 'COMMENT', alias: string, actor: Actor): SqlCondition {
    return shownSql(type, alias, AuthoredContentPolicy.presentSql(type, alias, actor));
  },
  /**
   * SQL: neither deleted by its author nor hidden by moderation for this actor (who sees hidden content: its author
   * and its moderators, the moderators of its space included). Binds :me and :myOrganizations too.
   */
  presentSql(type: 'THREAD' | 'COMMENT', alias: string, actor: Actor): SqlCondition {
    return presentSql(type, alias, actor, { sql: SpacePolicy.moderatedSpaceIdsSql(), params: readerParameters(actor) });
  },
  /**
   * SQL twin of presentSql seen from the reader's side: present for the person `user` (a users row alias), for
   * deciding at once which of many people may read it (live updates).
   */
  presentForReaderSql(type: 'THREAD' | 'COMMENT', alias: string, user: string): string {
    const hidden = ModerationPolicy.hiddenForReaderSql(
      type,
      alias,
      user,
      SpacePolicy.moderatedSpaceIdsByUserSql(`${user}.id`),
    );
    return `(${alias}.deleted_at IS NULL AND NOT ${hidden})`;
  },
  /** SQL: counted (reply counts, activity): neither deleted nor hidden, for everyone. */
  countedSql(type: 'THREAD' | 'COMMENT', alias: string): string {
    return `(${alias}.deleted_at IS NULL AND NOT ${ModerationPolicy.hiddenSql(type, alias)})`;
  },
};
