import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { Breadcrumbs } from '../ui/Breadcrumbs';
import { Empty } from '../ui/States';

/** The organisations one belongs to, with one's role in each. */
export function OrganizationsPage() {
  const intl = useIntl();
  const { viewer } = useSession();
  const title = intl.formatMessage({ id: 'account.organizations.title' });
  usePageTitle(title);
  const memberships = (viewer?.memberships ?? []).flatMap(({ id, role, organization }) =>
    organization ? [{ id, role, organization }] : [],
  );
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
      {memberships.length === 0 ? (
        <Empty>
          <FormattedMessage id="account.organizations.none" />
        </Empty>
      ) : (
        <ul className="document-list organization-list">
          {memberships.map(({ id, role, organization }) => (
            <li key={id}>
              <Link to={`/account/organizations/${organization.id}`}>{organization.name}</Link>
              <p className="meta">
                {organization.acronym && <>{organization.acronym} · </>}
                {intl.formatMessage({ id: `account.kind.${organization.kind}` })} ·{' '}
                {intl.formatMessage({ id: `account.role.${role}` })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
