import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { errorCodeOf } from '../app/errors';
import { announce } from '../annotations/announce';
import { useDraft } from '../annotations/drafts';
import { InviteMemberDocument, MembershipRole } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { fieldError } from './account-errors';
import { InvitationLinkBox } from './InvitationLinkBox';
import { BusyButton } from '../ui/BusyButton';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InviteFormProps {
  readonly organizationId: string;
  /** Staff may also invite representatives; an organisation's representatives invite members. */
  readonly mayInviteRepresentatives: boolean;
  readonly onInvited?: () => void;
}

/**
 * Invites a person by e-mail. The address is kept as a draft until sent. The API answers the invitation's link
 * (until e-mails are sent by the platform, the representative passes it on), shown once with a copy button.
 */
export function InviteForm({ organizationId, mayInviteRepresentatives, onInvited }: InviteFormProps) {
  const intl = useIntl();
  const id = useId();
  const draft = useDraft(`account.invite.${organizationId}`, { email: '', role: 'MEMBER' as string });
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<{ email: string; token: string } | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const [invite, { loading }] = useMutation(InviteMemberDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const email = draft.value.email.trim();
    if (!EMAIL.test(email)) {
      setProblem(intl.formatMessage({ id: 'account.invite.emailInvalid' }));
      emailRef.current?.focus();
      return;
    }
    setProblem(null);
    try {
      const { data } = await invite({
        variables: {
          input: {
            organizationId,
            email,
            role: (mayInviteRepresentatives ? draft.value.role : 'MEMBER') as MembershipRole,
          },
        },
      });
      if (!data) return;
      draft.clear();
      setIssued({ email: data.inviteMember.invitation.email, token: data.inviteMember.token });
      announce(intl.formatMessage({ id: 'account.invite.sent' }, { email: data.inviteMember.invitation.email }));
      onInvited?.();
    } catch (caught) {
      setError(caught);
      emailRef.current?.focus();
    }
  }

  const serverProblem = fieldError(error, 'email');
  const emailProblem =
    problem ??
    (serverProblem && errorCodeOf(error) === 'CONFLICT'
      ? intl.formatMessage({ id: 'account.invite.alreadyMember' })
      : serverProblem);
  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="account.invite.title" />
      </h2>
      <label htmlFor={`${id}-email`}>
        <FormattedMessage id="account.invite.email" />
      </label>
      <input
        ref={emailRef}
        id={`${id}-email`}
        type="email"
        autoComplete="off"
        required
        dir="ltr"
        value={draft.value.email}
        onChange={(e) => draft.update({ email: e.target.value })}
        aria-invalid={emailProblem ? true : undefined}
        aria-describedby={emailProblem ? `${id}-email-error` : undefined}
      />
      {emailProblem && (
        <p id={`${id}-email-error`} className="field-error">
          {emailProblem}
        </p>
      )}
      {mayInviteRepresentatives && (
        <>
          <label htmlFor={`${id}-role`}>
            <FormattedMessage id="account.invite.role" />
          </label>
          <select id={`${id}-role`} value={draft.value.role} onChange={(e) => draft.update({ role: e.target.value })}>
            <option value="MEMBER">{intl.formatMessage({ id: 'account.role.MEMBER' })}</option>
            <option value="REPRESENTATIVE">{intl.formatMessage({ id: 'account.role.REPRESENTATIVE' })}</option>
          </select>
        </>
      )}
      {error !== null && !fieldError(error, 'email') && <ErrorMessage error={error} />}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="account.invite.submit" />
        </BusyButton>
      </div>
      {issued && <InvitationLinkBox email={issued.email} token={issued.token} />}
    </form>
  );
}
