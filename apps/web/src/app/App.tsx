import { ApolloProvider } from '@apollo/client/react';
import { useMemo, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { DocumentList } from '../reader/DocumentList';
import { PublishVersion } from '../reader/PublishVersion';
import { ReaderPage } from '../reader/ReaderPage';
import { VersionChanges } from '../reader/VersionChanges';
import { Loading } from '../ui/States';
import { createApolloClient } from './apollo';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { LocaleProvider } from './locale';
import { SessionProvider, useSession } from './session';
import { SignInPage } from './SignInPage';

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <Loading />;
  if (session.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search + location.hash }} />;
  }
  return <>{children}</>;
}

/** Client routes (none of them collides with the API's own paths: /graphql, /health, /documents/…, /me/…). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          path="/"
          element={
            <RequireSession>
              <DocumentList />
            </RequireSession>
          }
        />
        <Route
          path="/read/:documentId/:versionNumber"
          element={
            <RequireSession>
              <ReaderPage />
            </RequireSession>
          }
        />
        <Route
          path="/read/:documentId/:versionNumber/changes"
          element={
            <RequireSession>
              <VersionChanges />
            </RequireSession>
          }
        />
        <Route
          path="/read/:documentId/publish"
          element={
            <RequireSession>
              <PublishVersion />
            </RequireSession>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const client = useMemo(() => createApolloClient(), []);
  return (
    <ApolloProvider client={client}>
      <SessionProvider>
        <LocaleProvider>
          <ErrorBoundary>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </ErrorBoundary>
        </LocaleProvider>
      </SessionProvider>
    </ApolloProvider>
  );
}
