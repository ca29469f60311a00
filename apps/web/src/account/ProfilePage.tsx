import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { Breadcrumbs } from '../ui/Breadcrumbs';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const intl = useIntl();
  const { viewer } = useSession();
  const title = intl.formatMessage({ id: 'account.profile.title' });
  const [conflict, setConflict] = useState(false);
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: intl.formatMessage({ id: 'nav.home' }), to: '/' },
          { label: intl.formatMessage({ id: 'account.title' }) },
        ]}
      />
      <h1>{title}</h1>
      {conflict && (
        <p className="banner banner-warning" role="alert">
          <FormattedMessage id="account.profile.conflict" />
        </p>
      )}
      {viewer && (
        <ProfileForm
          key={viewer.version}
          viewer={viewer}
          onConflict={() => setConflict(true)}
          onSaved={() => setConflict(false)}
        />
      )}
    </>
  );
}
