import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';
import { errorCodeOf } from '../app/errors';
import { useLocaleChoice } from '../app/locale';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import {
  AcceptInvitationDocument,
  InvitationPreviewDocument,
  type AcceptInvitationMutation,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { AcceptInvitationForm } from './AcceptInvitationForm';
import './account.css';
import { BusyButton } from '../ui/BusyButton';

/** Why a link cannot be used, in the person's words (the API's codes for an invitation token). */
const LINK_PROBLEMS: Record<string, string> = {
  NOT_FOUND: 'account.accept.notFound',
  CONFLICT: 'account.accept.used',
  DEADLINE_PASSED: 'account.accept.expired',
  BAD_USER_INPUT: 'account.accept.notFound',
};

/**
 * The page an invitation link opens (`/invitations/accept?token=…`): who invites whom where; then, signed in as the
 * invitee, one button; signed in as someone else, a way to sign out first; not signed in, a name and a password.
 * Once accepted, the person lands on the organisation's page.
 */
export function AcceptInvitationPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const { locale } = useLocaleChoice();
  const title = intl.formatMessage({ id: 'account.accept.title' });
  usePageTitle(title);
  const { data, loading, error, refetch } = useQuery(InvitationPreviewDocument, {
    variables: { token },
    skip: !token,
  });
  const [accept, accepting] = useMutation(AcceptInvitationDocument);
  const [acceptError, setAcceptError] = useState<unknown>(null);

  const land = (accepted: AcceptInvitationMutation['acceptInvitation']) => {
    const organizationId = accepted.membership.organization?.id;
    void navigate(organizationId ? `/account/organizations/${organizationId}` : '/account/organizations', {
      replace: true,
      state: { joined: accepted.membership.organization?.name ?? null },
    });
  };

  async function acceptSignedIn() {
    setAcceptError(null);
    try {
      const { data: accepted } = await accept({ variables: { input: { token } } });
      if (!accepted) return;
      session.replaceViewer(accepted.acceptInvitation.user);
      land(accepted.acceptInvitation);
    } catch (caught) {
      setAcceptError(caught);
    }
  }

  const preview = data?.invitationPreview;
  const problem = !token ? 'account.accept.noToken' : error ? LINK_PROBLEMS[errorCodeOf(error)] : undefined;
  const sameEmail =
    !!preview && !!session.viewer?.email && session.viewer.email.toLowerCase() === preview.email.toLowerCase();

  return (
    <div className="page accept-invitation account-content">
      <h1>{title}</h1>
      {(loading || session.status === 'restoring') && !problem && <Loading />}
      {problem && (
        <div className="state state-error" role="alert">
          <p>
            <FormattedMessage id={problem} />
          </p>
        </div>
      )}
      {error && !problem && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {preview && session.status !== 'restoring' && (
        <>
          <p className="invitation-summary">
            <FormattedMessage
              id="account.accept.summary"
              values={{
                organization: (
                  <strong>
                    <bdi>{preview.organizationName}</bdi>
                  </strong>
                ),
                role: intl.formatMessage({ id: `account.role.${preview.role}` }),
                email: <bdi>{preview.email}</bdi>,
              }}
            />
          </p>
          <p className="meta">
            <FormattedMessage
              id="account.accept.until"
              values={{ date: intl.formatDate(preview.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) }}
            />
          </p>
          {session.status === 'signed-in' && sameEmail && (
            <>
              {acceptError !== null && <ErrorMessage error={acceptError} />}
              <BusyButton
                type="button"
                className="primary"
                busy={accepting.loading}
                onClick={() => void acceptSignedIn()}
              >
                <FormattedMessage id="account.accept.join" values={{ organization: preview.organizationName }} />
              </BusyButton>
            </>
          )}
          {session.status === 'signed-in' && !sameEmail && (
            <div className="banner banner-warning">
              <p>
                <FormattedMessage
                  id="account.accept.otherAccount"
                  values={{ email: <bdi>{preview.email}</bdi>, current: <bdi>{session.viewer?.email}</bdi> }}
                />
              </p>
              <button type="button" onClick={() => void session.signOut().then(() => refetch())}>
                <FormattedMessage id="session.signOut" />
              </button>
            </div>
          )}
          {session.status === 'signed-out' && (
            <AcceptInvitationForm token={token} email={preview.email} locale={locale} onAccepted={land} />
          )}
        </>
      )}
    </div>
  );
}
