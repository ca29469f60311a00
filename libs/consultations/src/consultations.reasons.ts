import { refusalReasons } from '@majlis/kernel';

/** Why consultations and contributions refuse (`extensions.reason`), listed in the README. */
export const ConsultationsReason = refusalReasons('consultations', {
  CONSULTATION_MODERATORS_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Opening, editing, scheduling, closing, exporting and the synthesis are the ministry’s moderators’.',
  },
  RESULTS_NOT_PUBLISHED: { code: 'FORBIDDEN', meaning: 'The results of this consultation are not published yet.' },
  JOIN_NOT_ALLOWED: {
    code: 'FORBIDDEN',
    meaning: 'Only a representative of an eligible (verified, consulted) organisation joins on its behalf.',
  },
  SUBMIT_REPRESENTATIVES_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Only a representative submits the organisation’s contribution.',
  },
  REMARK_MEMBERS_ONLY: { code: 'FORBIDDEN', meaning: 'One remarks only for an organisation one belongs to.' },
  CONSULTATION_NOT_OPEN_YET: { code: 'DEADLINE_PASSED', meaning: 'The consultation is not open yet.' },
  CONSULTATION_CLOSED: { code: 'DEADLINE_PASSED', meaning: 'The deadline of the consultation has passed.' },
  QUESTIONS_FROZEN: {
    code: 'CONFLICT',
    meaning: 'A published consultation can no longer be edited: its questions are frozen.',
  },
  CONSULTATION_STATE: { code: 'CONFLICT', meaning: 'Not possible in the consultation’s current state.' },
});
