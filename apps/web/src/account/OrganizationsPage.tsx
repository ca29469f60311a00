import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { Empty } from '../ui/States';
import { AccountPage } from './AccountPage';

/** The organisations one belongs to, with one's role in each. */
export function OrganizationsPage() {
  const intl = useIntl();
  const { viewer } = useSession();
  const memberships = (viewer?.memberships ?? []).flatMap(({ id, role, organization }) =>
    organization ? [{ id, role, organization }] : [],
  );
  return (
    <AccountPage titleId="account.organizations.title">
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
    </AccountPage>
  );
}
