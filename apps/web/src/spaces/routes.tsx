import { Route } from 'react-router';
import { RequireSession } from '../app/RequireSession';
import { CreateSpacePage } from './CreateSpacePage';
import { MembersPage } from './MembersPage';
import { NewThreadPage } from './NewThreadPage';
import { SpacePage } from './SpacePage';
import { SpacesPage } from './SpacesPage';
import { ThreadPage } from './ThreadPage';
import { WhatsNewPage } from './WhatsNewPage';
import './spaces.css';

/** The spaces' pages: the list, a space's threads, a thread, starting one, members, and what's new. */
export function spacesRoutes() {
  const page = (element: React.ReactNode) => <RequireSession>{element}</RequireSession>;
  return (
    <>
      <Route path="/spaces" element={page(<SpacesPage />)} />
      <Route path="/spaces/new-thread" element={page(<NewThreadPage />)} />
      <Route path="/spaces/new-space" element={page(<CreateSpacePage />)} />
      <Route path="/spaces/:spaceId" element={page(<SpacePage />)} />
      <Route path="/spaces/:spaceId/new" element={page(<NewThreadPage />)} />
      <Route path="/spaces/:spaceId/members" element={page(<MembersPage />)} />
      <Route path="/threads/:threadId" element={page(<ThreadPage />)} />
      <Route path="/whats-new" element={page(<WhatsNewPage />)} />
    </>
  );
}
