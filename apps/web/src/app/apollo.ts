import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode, print } from 'graphql';
import { createClient } from 'graphql-ws';
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

  const http = ApolloLink.from([
    renew,
    auth,
    health,
    new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'x-session-cookie': '1' } }),
  ]);
  // Subscriptions go over one WebSocket (graphql-ws on /graphql); everything else over HTTP.
  const link =
    typeof WebSocket === 'undefined'
      ? http
      : ApolloLink.split(
          ({ query }) => {
            const definition = getMainDefinition(query);
            return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
          },
          new GraphQLWsLink(createLiveClient()),
          http,
        );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

const reconnectListeners = new Set<() => void>();
const liveStateListeners = new Set<() => void>();
let liveConnected = false;

function setLiveConnected(connected: boolean): void {
  if (connected === liveConnected) return;
  liveConnected = connected;
  for (const listener of liveStateListeners) listener();
}

/**
 * Whether the live socket is connected now, for useSyncExternalStore (`useLiveConnected`): what follows live
 * updates falls back to slow polling while it is down.
 */
export const liveConnection = {
  subscribe(listener: () => void): () => void {
    liveStateListeners.add(listener);
    return () => liveStateListeners.delete(listener);
  },
  connected: (): boolean => liveConnected,
};

/**
 * Called each time the live socket is connected again after a cut: subscribers then subscribe again from the last
 * `seq` they received (the API sends what they missed first). Returns how to stop listening.
 */
export function whenLiveReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/**
 * The API closes the live socket with this code when the access token expired or the session ended
 * (apps/api/src/live/close-codes.ts): refresh, then reconnect.
 */
export const SESSION_ENDED_CLOSE_CODE = 4419;

/**
 * The live-updates socket: lazy (opened by the first subscription), authenticated by the access token in
 * `connectionParams` (read afresh at each connection), and retried with graphql-ws' backoff while signed in. After a
 * SESSION_ENDED close, the next connection first refreshes the session (the one shared refresh); if that fails,
 * the person is signed out as on any other request.
 */
function createLiveClient() {
  let refreshFirst = false;
  let wasClosed = false;
  return createClient({
    url: new URL('/graphql', window.location.href).toString().replace(/^http/, 'ws'),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Retry while signed in (a lost session stops it; the next subscription after signing in opens a new socket).
    shouldRetry: () => !!sessionStore.get().accessToken,
    connectionParams: async () => {
      if (refreshFirst || !sessionStore.get().accessToken) {
        refreshFirst = false;
        const outcome = await refreshSession();
        if (!outcome.ok) {
          onSessionLost(outcome.reason ?? 'SESSION_EXPIRED');
          throw new Error('The session could not be renewed.');
        }
      }
      return { accessToken: sessionStore.get().accessToken };
    },
    on: {
      connected: () => {
        setLiveConnected(true);
        if (wasClosed) for (const listener of reconnectListeners) listener();
        wasClosed = false;
      },
      closed: (event) => {
        setLiveConnected(false);
        wasClosed = true;
        if ((event as { code?: number }).code === SESSION_ENDED_CLOSE_CODE) refreshFirst = true;
      },
    },
  });
}
