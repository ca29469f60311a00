import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../../annotations/announce';
import { useSession } from '../../app/session';
import {
  PlatformUserSearchDocument,
  SetPlatformRoleDocument,
  type PlatformRole,
  type StaffRoleUserFragment,
} from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { appendEdges, ShowMore } from '../../ui/ShowMore';
import { Empty, Loading } from '../../ui/States';
import { useUrlFilters } from '../moderation/url-filters';
import { BusyButton } from '../../ui/BusyButton';

const ROLES: readonly PlatformRole[] = ['MEMBER', 'MODERATOR', 'ADMIN'];
/** The API refuses longer texts (a display name is at most 120 characters). */
const MAX_TEXT = 100;

/**
 * Administrators: find people across the platform by part of their name or e-mail address (and by platform role),
 * then change their role. The search is a form (Enter searches); what was searched stays in the URL (`?q=…&role=…`).
 */
export function PlatformRoles() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const id = useId();
  const [{ q, role }, setFilters] = useUrlFilters(['q', 'role'], { role: ROLES });
  const [text, setText] = useState(q);
  const { data, loading, error, refetch, fetchMore } = useQuery(PlatformUserSearchDocument, {
    variables: {
      filter: { ...(q ? { text: q } : {}), ...(role ? { platformRole: role as PlatformRole } : {}) },
    },
    fetchPolicy: 'cache-and-network',
  });
  const people = data?.users.edges.map((edge) => edge.node) ?? [];

  function search(event: FormEvent) {
    event.preventDefault();
    setFilters({ q: text.trim() });
  }

  return (
    <section aria-labelledby="console-roles-title">
      <h2 id="console-roles-title">{t('console.roles.title')}</h2>
      <p className="hint">{t('console.roles.hint')}</p>
      <form role="search" className="filters" onSubmit={search} aria-label={t('console.roles.searchLabel')}>
        <span className="filter">
          <label htmlFor={`${id}-q`}>{t('console.roles.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            maxLength={MAX_TEXT}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${id}-q-hint`}
          />
          <span id={`${id}-q-hint`} className="hint">
            {t('console.roles.searchHint')}
          </span>
        </span>
        <span className="filter">
          <label htmlFor={`${id}-role`}>{t('console.roles.filterRole')}</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setFilters({ role: event.target.value })}>
            <option value="">{t('console.all')}</option>
            {ROLES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`console.platformRole.${candidate}`)}
              </option>
            ))}
          </select>
        </span>
        <button type="submit">{t('console.roles.searchButton')}</button>
      </form>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && <p role="status">{t('console.roles.count', { count: data.users.totalCount })}</p>}
      {data && people.length === 0 && (
        <Empty>
          <FormattedMessage id="console.roles.none" />
        </Empty>
      )}
      {people.length > 0 && <RoleTable people={people} />}
      {data && (
        <ShowMore
          pageInfo={data.users.pageInfo}
          onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('users') })}
        />
      )}
    </section>
  );
}

function RoleTable({ people }: { readonly people: readonly StaffRoleUserFragment[] }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <table className="console-table">
      <caption className="visually-hidden">{t('console.roles.caption')}</caption>
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
        {people.map((user) => (
          <RoleRow key={user.id} user={user} />
        ))}
      </tbody>
    </table>
  );
}

/**
 * One person's role: its own request, so saving one row leaves the others usable, and its own error, shown in the
 * row beside the role that was not saved (the choice stays as it was made).
 */
function RoleRow({ user }: { readonly user: StaffRoleUserFragment }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { viewer } = useSession();
  const [setRole, setting] = useMutation(SetPlatformRoleDocument);
  const [chosen, setChosen] = useState<PlatformRole>(user.platformRole);
  const selectId = `role-${user.id}`;
  const errorId = `role-${user.id}-error`;
  return (
    <tr>
      <th scope="row">
        <bdi>{user.displayName}</bdi>
        {user.email && (
          <span className="meta">
            {' '}
            <bdi>{user.email}</bdi>
          </span>
        )}
        {user.status === 'SUSPENDED' && <span className="meta"> · {t('console.moderation.suspended')}</span>}
      </th>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          {t('console.roles.roleOf', { name: user.displayName })}
        </label>
        <select
          id={selectId}
          value={chosen}
          disabled={user.id === viewer?.id}
          aria-describedby={setting.error ? errorId : undefined}
          onChange={(event) => setChosen(event.target.value as PlatformRole)}
        >
          {ROLES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`console.platformRole.${candidate}`)}
            </option>
          ))}
        </select>
        {setting.error && (
          <div id={errorId}>
            <ErrorMessage error={setting.error} />
          </div>
        )}
      </td>
      <td>
        <BusyButton
          type="button"
          disabled={chosen === user.platformRole}
          busy={setting.loading}
          aria-label={t('console.roles.saveFor', { name: user.displayName })}
          onClick={() =>
            void setRole({ variables: { input: { userId: user.id, platformRole: chosen } } }).then(
              () => announce(t('console.roles.saved', { name: user.displayName })),
              () => undefined,
            )
          }
        >
          {t('console.roles.save')}
        </BusyButton>
      </td>
    </tr>
  );
}
