import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../../annotations/announce';
import { useSession } from '../../app/session';
import {
  ConsoleOrganizationsDocument,
  OrganizationStaffRolesDocument,
  SetPlatformRoleDocument,
  type PlatformRole,
} from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';

const ROLES: readonly PlatformRole[] = ['MEMBER', 'MODERATOR', 'ADMIN'];

/** Administrators: the platform role (member, moderator, administrator) of the people of an organisation. */
export function PlatformRoles() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const id = useId();
  const organizations = useQuery(ConsoleOrganizationsDocument, { variables: { filter: {} } });
  const [organizationId, setOrganizationId] = useState('');
  const list = organizations.data?.organizations.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="console-roles-title">
      <h2 id="console-roles-title">{t('console.roles.title')}</h2>
      <p className="hint">{t('console.roles.hint')}</p>
      {organizations.loading && !organizations.data && <Loading />}
      {organizations.error && <ErrorMessage error={organizations.error} />}
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('console.roles.organization')}</label>
        <select id={`${id}-org`} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
          <option value="">—</option>
          {list.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </div>
      {organizationId && <People organizationId={organizationId} />}
    </section>
  );
}

function People({ organizationId }: { readonly organizationId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { viewer } = useSession();
  const { data, loading, error } = useQuery(OrganizationStaffRolesDocument, { variables: { id: organizationId } });
  const [setRole, setting] = useMutation(SetPlatformRoleDocument);
  const [chosen, setChosen] = useState<Record<string, PlatformRole>>({});
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  const members = data?.organization.members.edges.map((edge) => edge.node) ?? [];
  if (members.length === 0)
    return (
      <Empty>
        <FormattedMessage id="console.roles.empty" />
      </Empty>
    );
  return (
    <>
      <table className="console-table">
        <caption>{data?.organization.name}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.roles.person')}</th>
            <th scope="col">{t('console.roles.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('console.roles.save')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map(({ id, user }) => {
            const role = chosen[user.id] ?? user.platformRole;
            const selectId = `role-${id}`;
            return (
              <tr key={id}>
                <th scope="row">
                  <bdi>{user.displayName}</bdi>
                  {user.email && (
                    <span className="meta">
                      {' '}
                      <bdi>{user.email}</bdi>
                    </span>
                  )}
                </th>
                <td>
                  <label htmlFor={selectId} className="visually-hidden">
                    {t('console.roles.roleOf', { name: user.displayName })}
                  </label>
                  <select
                    id={selectId}
                    value={role}
                    disabled={user.id === viewer?.id}
                    onChange={(event) => setChosen({ ...chosen, [user.id]: event.target.value as PlatformRole })}
                  >
                    {ROLES.map((candidate) => (
                      <option key={candidate} value={candidate}>
                        {t(`console.platformRole.${candidate}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    disabled={role === user.platformRole || setting.loading}
                    aria-label={t('console.roles.saveFor', { name: user.displayName })}
                    onClick={() =>
                      void setRole({ variables: { input: { userId: user.id, platformRole: role } } }).then(
                        () => announce(t('console.roles.saved', { name: user.displayName })),
                        () => undefined,
                      )
                    }
                  >
                    {t('console.roles.save')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {setting.error && <ErrorMessage error={setting.error} />}
    </>
  );
}
