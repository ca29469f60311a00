import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  SignInDocument,
  SignOutDocument,
  UpdateLocaleDocument,
  type ViewerFragment,
} from '../graphql/generated/graphql';
import { type AppLocale, toApiLocale } from '../i18n';
import { refreshSession, whenSessionLost } from './apollo';
import { sessionStore, type SignedOutReason } from './session-store';

export interface Session {
  readonly status: 'restoring' | 'signed-in' | 'signed-out';
  readonly viewer: ViewerFragment | null;
  readonly signedOutReason: SignedOutReason | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  saveLocale(locale: AppLocale): Promise<void>;
  /** The person as the API now describes them (after a profile change, or joining an organisation). */
  replaceViewer(viewer: ViewerFragment): void;
  /** A session the API opened by other means than signIn (accepting an invitation without being signed in). */
  adopt(accessToken: string, viewer: ViewerFragment): void;
  /** The session ended by the API's doing (account deleted): forget it locally, saying why. */
  end(reason: SignedOutReason): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const store = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const [viewer, setViewer] = useState<ViewerFragment | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [signInMutation] = useMutation(SignInDocument);
  const [signOutMutation] = useMutation(SignOutDocument);
  const [updateLocale] = useMutation(UpdateLocaleDocument);

  const lose = useCallback(
    (reason: SignedOutReason) => {
      sessionStore.set({ accessToken: null, signedOutReason: reason });
      setViewer(null);
      void client.clearStore();
    },
    [client],
  );

  // On load, the refresh cookie (if any) brings the session back without asking for the password again.
  useEffect(() => {
    whenSessionLost(lose);
    let cancelled = false;
    void refreshSession().then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) setViewer(outcome.data.user);
      else if (outcome.reason) lose(outcome.reason);
      setRestoring(false);
    });
    return () => {
      cancelled = true;
    };
  }, [lose]);

  const value = useMemo<Session>(
    () => ({
      status: restoring ? 'restoring' : viewer && store.accessToken ? 'signed-in' : 'signed-out',
      viewer,
      signedOutReason: store.signedOutReason,
      async signIn(email, password) {
        const { data } = await signInMutation({ variables: { input: { email, password } } });
        if (!data) return;
        sessionStore.set({ accessToken: data.signIn.accessToken, signedOutReason: null });
        setViewer(data.signIn.user);
      },
      async signOut() {
        try {
          await signOutMutation();
        } finally {
          lose('SIGNED_OUT');
        }
      },
      async saveLocale(locale) {
        if (!viewer) return;
        const { data } = await updateLocale({
          variables: { input: { locale: toApiLocale(locale), version: viewer.version } },
        });
        if (data) setViewer(data.updateProfile.user);
      },
      replaceViewer: setViewer,
      adopt(accessToken, next) {
        sessionStore.set({ accessToken, signedOutReason: null });
        setViewer(next);
      },
      end: lose,
    }),
    [restoring, viewer, store, signInMutation, signOutMutation, updateLocale, lose],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
