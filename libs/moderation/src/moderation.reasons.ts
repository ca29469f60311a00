import { refusalReasons } from '@majlis/kernel';

/** Why moderation refuses (`extensions.reason`), listed in the README. */
export const ModerationReason = refusalReasons('moderation', {
  OWN_CONTENT_REPORT: { code: 'FORBIDDEN', meaning: 'One does not report what one wrote: edit or delete it.' },
  ALREADY_REPORTED: { code: 'CONFLICT', meaning: 'You have already reported this.' },
  MODERATORS_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'The queue, actions on content and the log are for moderators (of this content).',
  },
  PEOPLE_MODERATORS_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Only the ministry’s moderators suspend and reinstate people.',
  },
  MODERATED_SINCE: { code: 'CONFLICT', meaning: 'Another moderator acted on this content since: reload the queue.' },
});
