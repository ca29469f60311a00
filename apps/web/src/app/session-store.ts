/**
 * The access token lives here, in memory only (never in storage a script could read later).
 * The refresh token is an httpOnly, SameSite=Strict cookie the API sets on /graphql: the page never sees it.
 */
export type SignedOutReason = 'SIGNED_OUT' | 'REFRESH_TOKEN_REUSED' | 'SESSION_EXPIRED' | 'ACCOUNT_DELETED';

export interface SessionState {
  readonly accessToken: string | null;
  /** Why the last session ended, until the person acknowledges it (shown on the sign-in page). */
  readonly signedOutReason: SignedOutReason | null;
}

let state: SessionState = { accessToken: null, signedOutReason: null };
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(next: Partial<SessionState>): void {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  },
};
