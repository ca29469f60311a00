export interface IdentityOptions {
  /** HMAC secret for access tokens (HS256). */
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly invitationTtlHours: number;
  readonly signInThrottle: SignInThrottleOptions;
}

export interface SignInThrottleOptions {
  /** Failed attempts for one e-mail address within the window before it is locked. */
  readonly maxFailuresPerEmail: number;
  /** Failed attempts from one client address within the window before it is locked. */
  readonly maxFailuresPerClient: number;
  readonly windowSeconds: number;
  readonly lockSeconds: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
