import { useIntl } from 'react-intl';
import { usePageTitle } from '../app/page-title';
import { Breadcrumbs } from '../ui/Breadcrumbs';
import { PasswordForm } from './PasswordForm';

export function PasswordPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: 'account.password.title' });
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: intl.formatMessage({ id: 'nav.home' }), to: '/' },
          { label: intl.formatMessage({ id: 'account.title' }), to: '/account' },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <PasswordForm />
    </>
  );
}
