import { refusalReasons } from '@majlis/kernel';

/** Why identity refuses (`extensions.reason`), listed in the README. */
export const IdentityReason = refusalReasons('identity', {
  WRONG_PASSWORD: {
    code: 'UNAUTHENTICATED',
    meaning: 'The e-mail address or the password is not correct (not a session problem: do not refresh and retry).',
  },
  SIGN_IN_THROTTLED: { code: 'RATE_LIMITED', meaning: 'Too many failed password checks: wait `retryAfterSeconds`.' },
  ACCOUNT_SUSPENDED: { code: 'FORBIDDEN', meaning: 'The account is suspended.' },
  SESSION_ENDED: { code: 'UNAUTHENTICATED', meaning: 'The session is over (signed out, revoked, suspended): sign in.' },
  ACCESS_TOKEN_EXPIRED: { code: 'UNAUTHENTICATED', meaning: 'The access token has expired: refresh the session.' },
  ACCESS_TOKEN_MISSING: {
    code: 'UNAUTHENTICATED',
    meaning: 'A live-updates socket was opened without `connectionParams.accessToken`.',
  },
  REFRESH_TOKEN_REUSED: {
    code: 'UNAUTHENTICATED',
    meaning: 'A refresh token was used twice: the session was closed for safety.',
  },
  OWN_PASSWORD_ONLY: { code: 'FORBIDDEN', meaning: 'Only one’s own password can be changed.' },
  USER_STATUS_NOT_ALLOWED: { code: 'FORBIDDEN', meaning: 'This person cannot be suspended or reinstated by you.' },
  USER_STATUS_CHANGED: {
    code: 'CONFLICT',
    meaning: 'The person is already in that status, or another moderator changed it since.',
  },
  PLATFORM_ROLE_ADMINS_ONLY: { code: 'FORBIDDEN', meaning: 'Only an administrator changes platform roles.' },
  PEOPLE_SEARCH_STAFF_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Searching people is for the platform’s moderators and administrators.',
  },
  ORGANIZATION_MODERATORS_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Creating or verifying organisations is for the ministry’s moderators.',
  },
  ORGANIZATION_REPRESENTATIVES_ONLY: { code: 'FORBIDDEN', meaning: 'Only its representatives edit an organisation.' },
  ORGANIZATION_NAME_TAKEN: { code: 'CONFLICT', meaning: 'Another organisation already has this name.' },
  ORGANIZATION_ICE_TAKEN: { code: 'CONFLICT', meaning: 'Another organisation already has this ICE.' },
  FEDERATION_REPRESENTATIVES_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Only the federation’s representatives change its members.',
  },
  ALREADY_FEDERATION_MEMBER: { code: 'CONFLICT', meaning: 'The organisation is already a member of the federation.' },
  MEMBER_REMOVAL_NOT_ALLOWED: { code: 'FORBIDDEN', meaning: 'You cannot remove this person from the organisation.' },
  REPRESENTATIVES_BY_MODERATORS: {
    code: 'FORBIDDEN',
    meaning: 'Appointing representatives (by invitation or role change) is for the ministry’s moderators.',
  },
  INVITATIONS_REPRESENTATIVES_ONLY: {
    code: 'FORBIDDEN',
    meaning: 'Only the organisation’s representatives invite members and see its invitations.',
  },
  LAST_REPRESENTATIVE: {
    code: 'CONFLICT',
    meaning:
      'The organisation’s only representative stays one (no demotion, leaving, removal or account deletion) until someone else is made representative, unless nobody else is left.',
  },
  ALREADY_MEMBER: { code: 'CONFLICT', meaning: 'The person is already a member of the organisation.' },
  INVITATION_FOR_ANOTHER_EMAIL: {
    code: 'FORBIDDEN',
    meaning: 'The invitation is addressed to another e-mail address: sign out to accept it.',
  },
  INVITATION_ACCEPTED: { code: 'CONFLICT', meaning: 'The invitation has already been accepted.' },
  INVITATION_WITHDRAWN: { code: 'CONFLICT', meaning: 'The invitation was withdrawn.' },
  INVITATION_EXPIRED: { code: 'DEADLINE_PASSED', meaning: 'The invitation has expired.' },
  PASSWORD_RESET_THROTTLED: { code: 'RATE_LIMITED', meaning: 'Too many password reset requests for this address.' },
  RESET_LINK_USED: { code: 'CONFLICT', meaning: 'The password reset link has already been used.' },
  RESET_LINK_EXPIRED: { code: 'DEADLINE_PASSED', meaning: 'The password reset link has expired.' },
});
