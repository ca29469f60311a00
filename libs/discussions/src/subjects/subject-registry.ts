import { Injectable } from '@nestjs/common';
import type { Actor } from '@majlis/kernel';
import { NotFoundError } from '@majlis/kernel';
import type { ContentLocator } from '@majlis/moderation';

/** What can be replied to and endorsed. Areas register their own kinds; this lib imports none of them. */
export type SubjectType = 'ANNOTATION' | 'THREAD' | 'COMMENT' | 'CONTRIBUTION';

/** How an area answers for its content: who sees it, who may reply to it now. */
export interface SubjectAccess {
  /** The subject's author; throws NOT_FOUND when it does not exist or the actor may not see it. */
  ensureVisible(actor: Actor, subjectId: string): Promise<{ authorId: string }>;
  /**
   * Throws when the actor may not reply now: NOT_FOUND when they may not even see the subject (so callers need not
   * also call ensureVisible), else FORBIDDEN, DEADLINE_PASSED, …; `official` replies are the ministry's. May
   * answer where the subject lives (as `locate` would), when it read that on the way: one statement less per reply.
   */
  ensureCanReply(actor: Actor, subjectId: string, official: boolean): Promise<void | Partial<ContentLocator>>;
  /** Which of these people may read the subject (mentions of anyone else are not resolved). */
  readersAmong(subjectId: string, userIds: readonly string[]): Promise<Set<string>>;
  /**
   * For subjects only one organisation's people read (a contribution's internal discussion): that organisation,
   * whose representatives moderate the replies (platform moderators, who cannot read them, do not).
   */
  readingOrganization?(subjectId: string): Promise<string | null>;
  /**
   * Where each subject lives (its document, version and article; its space and thread; its consultation), so that
   * a reply under it can be opened in place from the moderation queue. Subjects left out are located nowhere.
   */
  locate?(subjectIds: readonly string[]): Promise<Map<string, Partial<ContentLocator>>>;
  /**
   * SQL twin of readersAmong for finding people to mention: a condition on the users row aliased `userAlias` that
   * holds when that person may read the subject (the area's policy twin), with its named parameters.
   */
  readersSql?(userAlias: string, subjectId: string): { sql: string; params: Record<string, unknown> };
  /**
   * SQL twin of ensureVisible from the reader's side: a condition that holds when the person `userAlias` (a users
   * row) may see the subject whose id is the SQL expression `subjectId` now (live updates decide many at once).
   */
  visibleSql?(userAlias: string, subjectId: string): string;
}

@Injectable()
export class SubjectRegistry {
  private readonly subjects = new Map<SubjectType, SubjectAccess>();

  register(type: SubjectType, access: SubjectAccess): void {
    this.subjects.set(type, access);
  }

  /**
   * `visibleSql(userAlias, subjectId)` of every registered type whose area gives it (live updates decide the
   * replies under them in SQL), by type.
   */
  visibleSqlByType(userAlias: string, subjectId: string): Map<SubjectType, string> {
    const twins = new Map<SubjectType, string>();
    for (const [type, access] of this.subjects) {
      const sql = access.visibleSql?.(userAlias, subjectId);
      if (sql) twins.set(type, sql);
    }
    return twins;
  }

  access(type: SubjectType): SubjectAccess {
    const access = this.subjects.get(type);
    if (!access) throw new NotFoundError('Subject');
    return access;
  }
}
