import { Actor } from '@majlis/kernel';

/** The actor of a signed-in request: who, and through which session (so sign-out can end it). */
export interface AuthenticatedActor extends Actor {
  readonly sessionId: string;
}

export interface AccessTokenClaims {
  /** The user's id. */
  readonly sub: string;
  /** The session (refresh-token family) the token belongs to. */
  readonly sid: string;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
}
