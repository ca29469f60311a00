import { Route } from 'react-router';
import { RequireSession } from '../app/RequireSession';
import { DocumentList } from './DocumentList';
import { PublishVersion } from './PublishVersion';
import { ReaderPage } from './ReaderPage';
import { VersionChanges } from './VersionChanges';

/** The reader's pages. Each area exports its routes this way; `AppRoutes` lists the areas. Call it, don't render it. */
export function readerRoutes() {
  return (
    <>
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
    </>
  );
}
