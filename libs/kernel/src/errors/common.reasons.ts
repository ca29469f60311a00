import { refusalReasons } from './domain-error';

/** Refusals shared by every area (kernel). */
export const CommonReason = refusalReasons('common', {
  SIGN_IN_REQUIRED: { code: 'UNAUTHENTICATED', meaning: 'No session: sign in to do this.' },
  STALE_VERSION: {
    code: 'CONFLICT',
    meaning:
      'Someone changed it since you opened it (`version` no longer matches): reload and apply your change again.',
  },
});
