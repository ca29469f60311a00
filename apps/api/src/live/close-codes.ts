/**
 * WebSocket close codes of the live-updates socket (`graphql-ws` on `/graphql`), beside graphql-ws's own
 * (4400 bad request, 4401 unauthorized, 4403 forbidden, 4500 internal error, …).
 *
 * `SESSION_ENDED` (4419): the access token given in `connectionParams` has expired, or its session was revoked
 * (sign-out, suspension, password change, refresh-token reuse), or no valid token was given. The client refreshes
 * its session (`refreshSession`) and reconnects with the new access token, resuming from the last `seq` it saw.
 * graphql-ws's client retries on this code by itself (it is not one of its fatal codes), so giving it
 * `connectionParams` as a function that returns a fresh token is enough.
 */
export const LIVE_CLOSE_CODES = {
  SESSION_ENDED: 4419,
} as const;
