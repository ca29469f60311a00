import { refusalReasons } from '@majlis/kernel';

/** Why documents and annotations refuse (`extensions.reason`), listed in the README. */
export const DocumentsReason = refusalReasons('documents', {
  DOCUMENTS_MODERATORS_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Creating, changing and publishing documents is for the ministry’s moderators.',
  },
  DOCUMENT_REFERENCE_TAKEN: { code: 'CONFLICT', meaning: 'A document with this reference exists.' },
  DOCUMENT_NOT_PUBLISHED: { code: 'CONFLICT', meaning: 'A document opens for comment once a version is published.' },
  DOCUMENT_CLOSED: {
    code: 'DEADLINE_PASSED',
    meaning: 'The document is not open for comments now (annotations and replies).',
  },
  SPEAK_FOR_REPRESENTATIVES_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Only a representative posts on behalf of the organisation.',
  },
  ANNOTATION_AUTHOR_ONLY: { code: 'FORBIDDEN', meaning: 'Only its author edits or deletes an annotation.' },
  ANNOTATION_DELETED: { code: 'FORBIDDEN', meaning: 'The annotation was deleted by its author: it takes no replies.' },
  ANSWER_MODERATORS_ONLY: { code: 'FORBIDDEN', meaning: 'Official answers are the ministry’s moderators’.' },
});
