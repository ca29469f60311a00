import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSession } from '../app/session';
import { digest, useDraft } from '../annotations/drafts';
import { AcceptInvitationDocument, type AcceptInvitationMutation } from '../graphql/generated/graphql';
import { toApiLocale, type AppLocale } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { fieldError, isWrongPassword } from './account-errors';
import { DisplayNameField } from './DisplayNameField';
import { NewPasswordField, newPasswordProblem, PASSWORD_MIN_LENGTH } from './NewPasswordField';
import { BusyButton } from '../ui/BusyButton';

type Accepted = AcceptInvitationMutation['acceptInvitation'];

export interface AcceptInvitationFormProps {
  readonly token: string;
  readonly email: string;
  readonly locale: AppLocale;
  readonly onAccepted: (accepted: Accepted) => void;
}

/**
 * Accepting an invitation without being signed in: a display name and a password — a new one for a new account,
 * or the existing account's (the API tells these apart without saying which it was). The name is kept as a draft;
 * the password never is.
 */
export function AcceptInvitationForm({ token, email, locale, onAccepted }: AcceptInvitationFormProps) {
  const intl = useIntl();
  const id = useId();
  const session = useSession();
  const draft = useDraft(`account.accept.${digest(token)}`, { displayName: '' });
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ displayName?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [accept, { loading }] = useMutation(AcceptInvitationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const displayName = draft.value.displayName.trim();
    const found: typeof problems = {};
    if (!displayName) found.displayName = intl.formatMessage({ id: 'account.accept.nameRequired' });
    if (!password) found.password = intl.formatMessage({ id: 'account.accept.passwordRequired' });
    setProblems(found);
    if (found.displayName) return nameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    try {
      const { data } = await accept({
        variables: { input: { token, displayName, password, locale: toApiLocale(locale) } },
      });
      if (!data) return;
      draft.clear();
      const opened = data.acceptInvitation.session;
      if (opened) session.adopt(opened.accessToken, opened.user);
      onAccepted(data.acceptInvitation);
    } catch (caught) {
      setError(caught);
      if (isWrongPassword(caught) || fieldError(caught, 'password')) passwordRef.current?.focus();
      else if (fieldError(caught, 'displayName')) nameRef.current?.focus();
    }
  }

  const passwordProblem =
    problems.password ??
    (isWrongPassword(error) ? intl.formatMessage({ id: 'account.accept.wrongPassword' }) : undefined) ??
    newPasswordProblem(intl, error, 'password');
  const nameProblem = problems.displayName ?? fieldError(error, 'displayName');
  const otherError = error !== null && !passwordProblem && !nameProblem;

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="account.accept.formTitle" />
      </h2>
      <label htmlFor={`${id}-email`}>
        <FormattedMessage id="account.profile.email" />
      </label>
      <input id={`${id}-email`} type="email" value={email} readOnly autoComplete="username" dir="ltr" />
      <DisplayNameField
        id={`${id}-name`}
        inputRef={nameRef}
        value={draft.value.displayName}
        onChange={(displayName) => draft.update({ displayName })}
        problem={nameProblem}
      />
      <NewPasswordField
        id={`${id}-password`}
        inputRef={passwordRef}
        label={<FormattedMessage id="account.accept.password" />}
        hint={<FormattedMessage id="account.accept.passwordHint" values={{ min: PASSWORD_MIN_LENGTH }} />}
        value={password}
        onChange={setPassword}
        problem={passwordProblem}
      />
      {otherError && <ErrorMessage error={error} />}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="account.accept.submit" />
        </BusyButton>
      </div>
    </form>
  );
}
