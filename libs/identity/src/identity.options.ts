export interface IdentityOptions {
  /** HMAC secret for access tokens (HS256). */
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /**
   * How long a refresh token that was just rotated may be presented again by its session (two tabs refreshing at
   * once) and still be answered, with a sibling token; after it, a reuse revokes the whole session.
   */
  readonly refreshTokenReuseGraceSeconds: number;
  readonly invitationTtlHours: number;
  readonly signInThrottle: SignInThrottleOptions;
  readonly passwordReset: PasswordResetOptions;
}

/** Password reset links: how long they last, and how many requests an address or a client may make per hour. */
export interface PasswordResetOptions {
  readonly ttlMinutes: number;
  readonly perEmailPerHour: number;
  readonly perClientPerHour: number;
}

/**
 * Every password check is throttled per (client, e-mail) and per e-mail: past a number of free failures, each
 * further failure doubles the wait, from `firstDelaySeconds` up to `maxDelaySeconds`.
 */
export interface SignInThrottleOptions {
  /** Consecutive failures of one client on one e-mail before that client waits. */
  readonly freeFailuresPerClient: number;
  /** Failures on one e-mail, from every client, before the clients that failed on it wait. */
  readonly freeFailuresPerEmail: number;
  readonly firstDelaySeconds: number;
  readonly maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  readonly forgetAfterSeconds: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
