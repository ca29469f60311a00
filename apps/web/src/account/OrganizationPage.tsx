import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { ConfirmButton } from '../annotations/ConfirmButton';
import { announce } from '../annotations/announce';
import { AccountOrganizationDocument, MeDocument, RemoveMembershipDocument } from '../graphql/generated/graphql';
import { Breadcrumbs } from '../ui/Breadcrumbs';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { accountTrail } from './AccountPage';
import { InviteForm } from './InviteForm';
import { MemberRoleForm } from './MemberRoleForm';
import { OrganizationForm } from './OrganizationForm';
import { PendingInvitations } from './PendingInvitations';
import { ColumnHeads } from '../ui/ColumnHeads';

const isStaff = (role: string | null | undefined) => role === 'ADMIN' || role === 'MODERATOR';

/**
 * One organisation: its people, and for its representatives (and staff) inviting people and following the
 * pending invitations, editing its name, acronym and description; platform staff also change who represents it.
 * Who may do what is the API's decision; these checks only hide buttons that would be refused.
 */
export function OrganizationPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const { organizationId = '' } = useParams();
  const session = useSession();
  const viewer = session.viewer;
  const joined = (useLocation().state as { joined?: string | null } | null)?.joined;
  const { data, loading, error, refetch, client } = useQuery(AccountOrganizationDocument, {
    variables: { id: organizationId },
  });
  const [removeMembership] = useMutation(RemoveMembershipDocument);
  const [conflict, setConflict] = useState(false);
  const organization = data?.organization;
  usePageTitle(organization?.name ?? intl.formatMessage({ id: 'account.organizations.title' }));

  const myRole = viewer?.memberships.find((m) => m.organization?.id === organizationId)?.role;
  const staff = isStaff(viewer?.platformRole);
  const representative = myRole === 'REPRESENTATIVE';
  const mayInvite = staff || representative;
  const mayEdit = staff || representative;
  const mayChangeRoles = staff;
  const canManage = (role: string) => staff || (representative && role === 'MEMBER');

  async function refreshViewer() {
    const { data: me } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    if (me) session.replaceViewer(me.me);
  }

  async function remove(membershipId: string, self: boolean, name: string) {
    await removeMembership({ variables: { input: { membershipId } } });
    announce(intl.formatMessage({ id: self ? 'account.members.left' : 'account.members.removed' }, { name }));
    if (self) {
      await refreshViewer();
      await navigate('/account/organizations');
    } else {
      await refetch();
    }
  }

  return (
    <>
      <Breadcrumbs
        items={[
          ...accountTrail(intl),
          { label: intl.formatMessage({ id: 'account.organizations.title' }), to: '/account/organizations' },
          { label: organization?.name ?? '…' },
        ]}
      />
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {organization && (
        <>
          <h1>{organization.name}</h1>
          {joined && (
            <p className="banner banner-warning" role="status">
              <FormattedMessage id="account.accept.welcome" values={{ organization: joined }} />
            </p>
          )}
          <p className="meta">
            {organization.acronym && <>{organization.acronym} · </>}
            {intl.formatMessage({ id: `account.kind.${organization.kind}` })}
            {myRole && <> · {intl.formatMessage({ id: `account.yourRole.${myRole}` })}</>}
          </p>
          {mayEdit && (
            <>
              {conflict && (
                <p className="banner banner-warning" role="alert">
                  <FormattedMessage id="account.organization.conflict" />
                </p>
              )}
              <OrganizationForm
                key={organization.version}
                organization={organization}
                onConflict={async () => {
                  setConflict(true);
                  await refetch();
                }}
                onSaved={() => setConflict(false)}
              />
            </>
          )}
          {mayInvite && (
            <>
              <InviteForm
                organizationId={organization.id}
                mayInviteRepresentatives={staff}
                onInvited={() => void client.refetchQueries({ include: ['PendingInvitations'] })}
              />
              <PendingInvitations organizationId={organization.id} canManage={canManage} />
            </>
          )}
          <section className="account-section" aria-labelledby="members-title">
            <h2 id="members-title">
              <FormattedMessage id="account.members.title" values={{ count: organization.members.totalCount }} />
            </h2>
            <div className="table-scroll">
              <table className="account-table">
                <caption className="visually-hidden">
                  <FormattedMessage id="account.members.caption" values={{ name: organization.name }} />
                </caption>
                <ColumnHeads
                  ids={[
                    'account.members.name',
                    'account.members.role',
                    'account.members.since',
                    'account.members.actions',
                  ]}
                />
                <tbody>
                  {organization.members.edges.map(({ node }) => {
                    const self = node.user.id === viewer?.id;
                    const removable = self || staff || (representative && node.role === 'MEMBER');
                    return (
                      <tr key={node.id}>
                        <th scope="row">
                          <bdi>{node.user.displayName}</bdi>
                          {self && (
                            <>
                              {' '}
                              <FormattedMessage id="account.members.you" />
                            </>
                          )}
                        </th>
                        <td>
                          {mayChangeRoles ? (
                            <MemberRoleForm
                              key={node.role}
                              membershipId={node.id}
                              role={node.role}
                              name={node.user.displayName}
                              onChanged={() => void refetch()}
                            />
                          ) : (
                            intl.formatMessage({ id: `account.role.${node.role}` })
                          )}
                        </td>
                        <td>{intl.formatDate(node.createdAt, { dateStyle: 'medium' })}</td>
                        <td>
                          {removable && (
                            <ConfirmButton
                              label={
                                <FormattedMessage id={self ? 'account.members.leave' : 'account.members.remove'} />
                              }
                              title={
                                <FormattedMessage
                                  id={self ? 'account.members.leaveTitle' : 'account.members.removeTitle'}
                                  values={{ name: node.user.displayName, organization: organization.name }}
                                />
                              }
                              explanation={
                                <FormattedMessage
                                  id={self ? 'account.members.leaveExplanation' : 'account.members.removeExplanation'}
                                />
                              }
                              onConfirm={() => remove(node.id, self, node.user.displayName)}
                            />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {representative && !staff && (
              <p className="hint">
                <FormattedMessage id="account.members.rolesByMinistry" />
              </p>
            )}
            {organization.members.pageInfo.hasNextPage && (
              <p className="hint">
                <FormattedMessage
                  id="account.members.more"
                  values={{ shown: organization.members.edges.length, total: organization.members.totalCount }}
                />
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
