import { Route } from 'react-router';
import { RequireSession } from '../app/RequireSession';
import { SearchPage } from './SearchPage';

/** The search results page (`/search?q=…&type=…`). Call it, don't render it. */
export function searchRoutes() {
  return (
    <Route
      path="/search"
      element={
        <RequireSession>
          <SearchPage />
        </RequireSession>
      }
    />
  );
}
