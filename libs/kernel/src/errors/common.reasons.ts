import { refusalReasons } from './domain-error';

/** Refusals shared by every area (kernel). */
export const CommonReason = refusalReasons('common', {
  SIGN_IN_REQUIRED: { code: 'UNAUTHENTICATED', meaning: 'No session: sign in to do this.' },
  STALE_VERSION: {
    code: 'CONFLICT',
    meaning:
      'Someone changed it since you opened it (`version` no longer matches): reload and apply your change again.',
  },
  DATABASE_UNREACHABLE: {
    code: 'SERVICE_UNAVAILABLE',
    meaning: 'The database is down, restarting or unreachable: try again in a moment (HTTP 503, `retry-after`).',
  },
  SERVICE_BUSY: {
    code: 'SERVICE_UNAVAILABLE',
    meaning: 'No database connection came free in time (an overload, not an outage): try again in a moment.',
  },
});
