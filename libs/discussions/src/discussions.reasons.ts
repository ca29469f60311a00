import { refusalReasons } from '@majlis/kernel';

/** Why spaces, threads, comments and endorsements refuse (`extensions.reason`), listed in the README. */
export const DiscussionsReason = refusalReasons('discussions', {
  SPACE_CREATE_NOT_ALLOWED: {
    code: 'FORBIDDEN',
    meaning: 'Only the organisation’s representatives open a space for it.',
  },
  SPACE_SLUG_TAKEN: { code: 'CONFLICT', meaning: 'Another space already uses this slug.' },
  SPACE_OWNERS_ONLY: { code: 'FORBIDDEN', meaning: 'Only the space’s owners change its members.' },
  ALREADY_SPACE_MEMBER: { code: 'CONFLICT', meaning: 'Already a member of this space.' },
  NO_SUCH_MEMBER: { code: 'CONFLICT', meaning: 'No such person or organisation to add.' },
  LAST_OWNER: { code: 'CONFLICT', meaning: 'A space keeps at least one owner.' },
  SPACE_MEMBERS_ONLY: { code: 'FORBIDDEN', meaning: 'Only the members of this space post here.' },
  SPACE_MODERATORS_ONLY: { code: 'FORBIDDEN', meaning: 'Only the space’s moderators pin or lock threads.' },
  SPEAK_FOR_REPRESENTATIVES_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Only a representative posts on behalf of the organisation.',
  },
  THREAD_AUTHOR_ONLY: { code: 'FORBIDDEN', meaning: 'Only its author edits or deletes a thread.' },
  THREAD_DELETED: { code: 'FORBIDDEN', meaning: 'The thread was deleted by its author: it takes no replies.' },
  THREAD_LOCKED: { code: 'FORBIDDEN', meaning: 'The thread is locked: it takes no replies.' },
  COMMENT_AUTHOR_ONLY: { code: 'FORBIDDEN', meaning: 'Only its author edits or deletes a comment.' },
  COMMENT_NOT_A_SUBJECT: {
    code: 'FORBIDDEN',
    meaning: 'A comment is answered within its conversation (`parentId`), not as a subject.',
  },
  OFFICIAL_ANSWER_MODERATORS_ONLY: { code: 'FORBIDDEN', meaning: 'Official answers are the ministry’s moderators’.' },
  OWN_CONTENT_ENDORSEMENT: { code: 'FORBIDDEN', meaning: 'One does not endorse what one wrote.' },
  ALREADY_ENDORSED: { code: 'CONFLICT', meaning: 'Already endorsed.' },
});
