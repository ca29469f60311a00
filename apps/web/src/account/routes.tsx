import { Route } from 'react-router';
import { RequireSession } from '../app/RequireSession';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { AccountShell } from './AccountShell';
import { DataPage } from './DataPage';
import { OrganizationPage } from './OrganizationPage';
import { OrganizationsPage } from './OrganizationsPage';
import { PasswordPage } from './PasswordPage';
import { ProfilePage } from './ProfilePage';
import { INVITATION_ACCEPT_PATH } from './invitation-link';

/**
 * The account's pages (`/account/…`, behind sign-in) and the invitation link's page (`/invitations/accept?token=…`,
 * open to anyone holding the link). Call it, don't render it.
 */
export function accountRoutes() {
  return (
    <>
      <Route
        path="/account"
        element={
          <RequireSession>
            <AccountShell />
          </RequireSession>
        }
      >
        <Route index element={<ProfilePage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="organizations/:organizationId" element={<OrganizationPage />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="data" element={<DataPage />} />
      </Route>
      <Route path={INVITATION_ACCEPT_PATH} element={<AcceptInvitationPage />} />
    </>
  );
}
