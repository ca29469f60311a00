import { Actor, isStaff } from '@majlis/kernel';
import type { Document } from './document.entity';

/** Who sees and manages documents, and when they take annotations. Pure decisions, no I/O. */
export const DocumentPolicy = {
  /** Drafts are the ministry's work in progress; everything else is read by every signed-in person. */
  canSee(actor: Actor, document: Pick<Document, 'status'>): boolean {
    return document.status !== 'DRAFT' || isStaff(actor);
  },
  canManage(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** Annotations are taken while the document is OPEN_FOR_COMMENT and the server clock is inside its window. */
  isOpenForComment(document: Pick<Document, 'status' | 'commentsOpenAt' | 'commentsCloseAt'>, now: Date): boolean {
    if (document.status !== 'OPEN_FOR_COMMENT') return false;
    if (document.commentsOpenAt && now.getTime() < document.commentsOpenAt.getTime()) return false;
    return !document.commentsCloseAt || now.getTime() < document.commentsCloseAt.getTime();
  },
};
