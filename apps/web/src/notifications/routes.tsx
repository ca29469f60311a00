import { Route } from 'react-router';
import { RequireSession } from '../app/RequireSession';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { InboxPage } from './InboxPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SettingsPage } from './SettingsPage';

/**
 * The inbox and e-mail settings (behind sign-in), and the password reset pages (open to anyone: the e-mailed link
 * is `/reset-password?token=…`). Call it, don't render it.
 */
export function notificationsRoutes() {
  return (
    <>
      <Route
        path="/notifications"
        element={
          <RequireSession>
            <InboxPage />
          </RequireSession>
        }
      />
      <Route
        path="/notifications/settings"
        element={
          <RequireSession>
            <SettingsPage />
          </RequireSession>
        }
      />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
    </>
  );
}
