import { Actor, SqlCondition, isStaff } from '@majlis/kernel';
import type { Document } from './document.entity';

/**
 * Who sees and manages documents, and when they take annotations and replies: every rule of the documents area,
 * each once as a predicate and, where lists and counts need it, its SQL twin right beside it.
 * Pure decisions, no I/O. Spec: document.policy.spec.ts (role × action × state).
 */
export const DocumentPolicy = {
  /** Drafts are the ministry's work in progress; every other status is read by every signed-in person. */
  canSee(actor: Actor, document: Pick<Document, 'status'>): boolean {
    return document.status !== 'DRAFT' || isStaff(actor);
  },
  /** SQL twin of canSee, for lists and counts of documents (`alias` is the documents table's alias). */
  visibleSql(actor: Actor, alias: string): SqlCondition {
    return isStaff(actor) ? { sql: 'TRUE', params: {} } : { sql: `${alias}.status <> 'DRAFT'`, params: {} };
  },

  /**
   * SQL twin of canSee seen from the other side: the user `user` (a users row alias) may read the document
   * `document` (a documents row alias), for finding people to mention.
   */
  readersSql(document: string, user: string): string {
    return `(${document}.status <> 'DRAFT' OR ${user}.platform_role IN ('ADMIN', 'MODERATOR'))`;
  },

  /** Create documents, edit their title, status and window, publish versions: the ministry's moderators. */
  canManage(actor: Actor): boolean {
    return isStaff(actor);
  },

  /** Annotations are taken while the document is OPEN_FOR_COMMENT and the server clock is inside its window. */
  isOpenForComment(document: Pick<Document, 'status' | 'commentsOpenAt' | 'commentsCloseAt'>, now: Date): boolean {
    if (document.status !== 'OPEN_FOR_COMMENT') return false;
    if (document.commentsOpenAt && now.getTime() < document.commentsOpenAt.getTime()) return false;
    return !document.commentsCloseAt || now.getTime() < document.commentsCloseAt.getTime();
  },

  /** Anyone who sees the document annotates it while it is open for comment; nobody otherwise. */
  canAnnotate(actor: Actor, document: Pick<Document, 'status' | 'commentsOpenAt' | 'commentsCloseAt'>, now: Date) {
    return DocumentPolicy.canSee(actor, document) && DocumentPolicy.isOpenForComment(document, now);
  },

  /**
   * Replies under an annotation: members while the document is open for comment; the ministry's moderators at any
   * time, since their answers come after the window closes.
   */
  canReplyNow(actor: Actor, document: Pick<Document, 'status' | 'commentsOpenAt' | 'commentsCloseAt'>, now: Date) {
    return isStaff(actor) || DocumentPolicy.isOpenForComment(document, now);
  },
};
