import { AccountPage } from './AccountPage';
import { PasswordForm } from './PasswordForm';

export function PasswordPage() {
  return (
    <AccountPage titleId="account.password.title">
      <PasswordForm />
    </AccountPage>
  );
}
