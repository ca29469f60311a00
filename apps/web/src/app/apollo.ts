import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { print } from 'graphql';
import { Observable, from, switchMap, tap } from 'rxjs';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../graphql/generated/graphql';
import { apiStatus } from './api-status';
import { sessionStore, type SignedOutReason } from './session-store';

export type RefreshOutcome =
  { ok: true; data: RefreshSessionMutation['refreshSession'] } | { ok: false; reason: SignedOutReason | null };

let refreshing: Promise<RefreshOutcome> | null = null;

/**
 * Exchanges the refresh cookie for a new access token (the API rotates the cookie). Concurrent callers share one
 * request: a second, parallel exchange would present an already-used token and close the session.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  refreshing ??= (async (): Promise<RefreshOutcome> => {
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-session-cookie': '1' },
        body: JSON.stringify({ query: print(RefreshSessionDocument), variables: { input: {} } }),
      });
      const body = (await response.json()) as {
        data?: RefreshSessionMutation | null;
        errors?: { extensions?: { code?: string; reason?: string } }[];
      };
      if (body.data?.refreshSession) {
        sessionStore.set({ accessToken: body.data.refreshSession.accessToken, signedOutReason: null });
        return { ok: true, data: body.data.refreshSession };
      }
      const reused = body.errors?.some((error) => error.extensions?.reason === 'REFRESH_TOKEN_REUSED');
      return { ok: false, reason: reused ? 'REFRESH_TOKEN_REUSED' : null };
    } catch {
      void apiStatus.reportFailure();
      return { ok: false, reason: null };
    } finally {
      setTimeout(() => (refreshing = null), 0);
    }
  })();
  return refreshing;
}

/** Called when a session cannot be renewed: the cache is emptied and the app shows the sign-in page. */
let onSessionLost: (reason: SignedOutReason) => void = () => undefined;
export function whenSessionLost(handler: (reason: SignedOutReason) => void): void {
  onSessionLost = handler;
}

export function createApolloClient(): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const token = sessionStore.get().accessToken;
    return { headers: { ...previous['headers'], ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });

  const renew = new ErrorLink(({ error, operation, forward }) => {
    if (!CombinedGraphQLErrors.is(error)) {
      void apiStatus.reportFailure();
      return;
    }
    // A wrong password (changing it, deleting the account) is UNAUTHENTICATED too, but no session problem: trying
    // it again after a refresh would count a second failure.
    const unauthenticated = error.errors.some(
      (e) => e.extensions?.['code'] === 'UNAUTHENTICATED' && e.extensions?.['reason'] !== 'WRONG_PASSWORD',
    );
    const hadToken = !!operation.getContext()['headers']?.authorization;
    if (!unauthenticated || !hadToken || operation.getContext()['retried']) return;
    return from(refreshSession()).pipe(
      switchMap((outcome) => {
        if (!outcome.ok) {
          onSessionLost(outcome.reason ?? 'SESSION_EXPIRED');
          return new Observable<ApolloLink.Result>((observer) => observer.error(error));
        }
        operation.setContext({ retried: true });
        return forward(operation);
      }),
    );
  });

  const health = new ApolloLink((operation, forward) => forward(operation).pipe(tap(() => apiStatus.reportSuccess())));

  return new ApolloClient({
    link: ApolloLink.from([
      renew,
      auth,
      health,
      new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'x-session-cookie': '1' } }),
    ]),
    cache: new InMemoryCache(),
  });
}
