import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ConfirmButton } from '../annotations/ConfirmButton';
import { announce } from '../annotations/announce';
import {
  PendingInvitationsDocument,
  ResendInvitationDocument,
  RevokeInvitationDocument,
  type PendingInvitationFragment,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { InvitationLinkBox } from './InvitationLinkBox';
import { ColumnHeads } from '../ui/ColumnHeads';
import { BusyButton } from '../ui/BusyButton';

/**
 * An organisation's pending invitations (for its representatives): when each was sent and until when it works,
 * resend (a new link, the old one stops working) and withdraw (after a confirmation).
 */
export function PendingInvitations({
  organizationId,
  canManage,
}: {
  organizationId: string;
  canManage: (role: string) => boolean;
}) {
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(PendingInvitationsDocument, { variables: { organizationId } });
  const [resend] = useMutation(ResendInvitationDocument);
  const [revoke] = useMutation(RevokeInvitationDocument);
  const [issued, setIssued] = useState<{ email: string; token: string } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function doResend(invitation: PendingInvitationFragment) {
    setActionError(null);
    setBusy(invitation.id);
    try {
      const { data: resent } = await resend({ variables: { input: { invitationId: invitation.id } } });
      if (resent) {
        setIssued({ email: invitation.email, token: resent.resendInvitation.token });
        announce(intl.formatMessage({ id: 'account.invitations.resent' }, { email: invitation.email }));
      }
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(null);
    }
  }

  async function doRevoke(invitation: PendingInvitationFragment) {
    await revoke({
      variables: { input: { invitationId: invitation.id } },
      update(cache) {
        cache.evict({ id: cache.identify({ __typename: 'Invitation', id: invitation.id }) });
        cache.gc();
      },
    });
    if (issued?.email === invitation.email) setIssued(null);
    announce(intl.formatMessage({ id: 'account.invitations.revoked' }, { email: invitation.email }));
    await refetch();
  }

  const now = Date.now();
  const invitations = data?.pendingInvitations.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="account-section" aria-labelledby="pending-invitations-title">
      <h2 id="pending-invitations-title">
        <FormattedMessage id="account.invitations.title" values={{ count: data?.pendingInvitations.totalCount ?? 0 }} />
      </h2>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && invitations.length === 0 && (
        <Empty>
          <FormattedMessage id="account.invitations.none" />
        </Empty>
      )}
      {actionError !== null && <ErrorMessage error={actionError} />}
      {issued && <InvitationLinkBox email={issued.email} token={issued.token} />}
      {invitations.length > 0 && (
        <div className="table-scroll">
          <table className="account-table">
            <caption className="visually-hidden">
              <FormattedMessage id="account.invitations.caption" />
            </caption>
            <ColumnHeads
              ids={[
                'account.invitations.email',
                'account.invitations.role',
                'account.invitations.sent',
                'account.invitations.expires',
                'account.invitations.actions',
              ]}
            />
            <tbody>
              {invitations.map((invitation) => {
                const expired = new Date(invitation.expiresAt).getTime() <= now;
                return (
                  <tr key={invitation.id}>
                    <th scope="row">
                      <bdi>{invitation.email}</bdi>
                    </th>
                    <td>{intl.formatMessage({ id: `account.role.${invitation.role}` })}</td>
                    <td>{intl.formatDate(invitation.sentAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td>
                      {expired ? (
                        <span className="badge-expired">
                          <FormattedMessage id="account.invitations.expired" />
                        </span>
                      ) : (
                        intl.formatDate(invitation.expiresAt, { dateStyle: 'medium', timeStyle: 'short' })
                      )}
                    </td>
                    <td>
                      {canManage(invitation.role) && (
                        <div className="actions">
                          <BusyButton
                            type="button"
                            busy={busy === invitation.id}
                            onClick={() => void doResend(invitation)}
                            aria-label={intl.formatMessage(
                              { id: 'account.invitations.resendTo' },
                              { email: invitation.email },
                            )}
                          >
                            <FormattedMessage id="account.invitations.resend" />
                          </BusyButton>
                          <ConfirmButton
                            label={<FormattedMessage id="account.invitations.revoke" />}
                            title={
                              <FormattedMessage
                                id="account.invitations.revokeTitle"
                                values={{ email: invitation.email }}
                              />
                            }
                            explanation={<FormattedMessage id="account.invitations.revokeExplanation" />}
                            onConfirm={() => doRevoke(invitation)}
                          />
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
