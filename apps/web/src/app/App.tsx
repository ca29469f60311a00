import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { accountRoutes } from '../account/routes';
import { consultationsRoutes } from '../consultations/routes';
import { consoleRoutes } from '../console/routes';
import { mineRoutes } from '../mine/routes';
import { notificationsRoutes } from '../notifications/routes';
import { readerRoutes } from '../reader/routes';
import { spacesRoutes } from '../spaces/routes';
import { searchRoutes } from '../search/routes';
import { createApolloClient } from './apollo';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { LocaleProvider } from './locale';
import { SessionProvider } from './session';
import { SignInPage } from './SignInPage';

/**
 * Client routes, one `xxxRoutes()` per area (none of them collides with the API's own paths: /graphql, /health,
 * /documents/…, /me/…).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        {readerRoutes()}
        {spacesRoutes()}
        {accountRoutes()}
        {consultationsRoutes()}
        {consoleRoutes()}
        {searchRoutes()}
        {notificationsRoutes()}
        {mineRoutes()}
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
