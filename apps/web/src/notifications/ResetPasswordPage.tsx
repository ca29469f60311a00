import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { errorCodeOf } from '../app/errors';
import { usePageTitle } from '../app/page-title';
import { ResetPasswordDocument } from '../graphql/generated/graphql';
import { NewPasswordField, newPasswordProblem, PASSWORD_MIN_LENGTH } from '../account/NewPasswordField';
import { ErrorMessage } from '../ui/ErrorMessage';
import { FieldProblem, invalidProps } from '../ui/field-problem';
import './notifications.css';
import { BusyButton } from '../ui/BusyButton';

/** A link that cannot be used any more: unknown, already used or expired. Asking for a new one is the way out. */
const DEAD_LINK = ['NOT_FOUND', 'CONFLICT', 'DEADLINE_PASSED'];

/** Setting a new password from an e-mailed link (`/reset-password?token=…`): single use, and it ends every session. */
export function ResetPasswordPage() {
  const intl = useIntl();
  const id = useId();
  usePageTitle(intl.formatMessage({ id: 'notifications.reset.title' }));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<{ password?: string; confirmation?: string }>({});
  const [done, setDone] = useState(false);
  const [reset, { loading, error }] = useMutation(ResetPasswordDocument);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) {
      setProblems({
        password: intl.formatMessage({ id: 'notifications.reset.tooShort' }, { min: PASSWORD_MIN_LENGTH }),
      });
      passwordRef.current?.focus();
      return;
    }
    if (confirmation !== password) {
      setProblems({ confirmation: intl.formatMessage({ id: 'notifications.reset.mismatch' }) });
      confirmationRef.current?.focus();
      return;
    }
    setProblems({});
    try {
      await reset({ variables: { input: { token, newPassword: password } } });
      setDone(true);
    } catch (caught) {
      // Said on the field or below; the fields keep their values.
      if (newPasswordProblem(intl, caught, 'newPassword')) passwordRef.current?.focus();
    }
  }

  const dead = error && DEAD_LINK.includes(errorCodeOf(error));
  const passwordProblem = problems.password ?? newPasswordProblem(intl, error, 'newPassword');
  return (
    <div className="password-reset">
      <h1>
        <FormattedMessage id="notifications.reset.title" />
      </h1>
      {done ? (
        <p role="status">
          <FormattedMessage id="notifications.reset.done" />{' '}
          <Link to="/sign-in">
            <FormattedMessage id="notifications.reset.signIn" />
          </Link>
        </p>
      ) : !token || dead ? (
        <div role="alert">
          <p>
            <FormattedMessage id={`notifications.reset.dead.${dead ? errorCodeOf(error) : 'NOT_FOUND'}`} />
          </p>
          <p>
            <Link to="/forgot-password">
              <FormattedMessage id="notifications.reset.askAgain" />
            </Link>
          </p>
        </div>
      ) : (
        <form onSubmit={submit}>
          <NewPasswordField
            id={`${id}-password`}
            inputRef={passwordRef}
            label={<FormattedMessage id="notifications.reset.password" />}
            hint={<FormattedMessage id="notifications.reset.hint" values={{ min: PASSWORD_MIN_LENGTH }} />}
            value={password}
            onChange={setPassword}
            problem={passwordProblem}
          />
          <label htmlFor={`${id}-confirmation`}>
            <FormattedMessage id="notifications.reset.confirmation" />
          </label>
          <input
            ref={confirmationRef}
            id={`${id}-confirmation`}
            type="password"
            autoComplete="new-password"
            required
            dir="ltr"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            {...invalidProps(`${id}-confirmation`, problems.confirmation)}
          />
          <FieldProblem fieldId={`${id}-confirmation`} problem={problems.confirmation} />
          {error && !passwordProblem && <ErrorMessage error={error} />}
          <BusyButton type="submit" className="primary" busy={loading}>
            <FormattedMessage id="notifications.reset.submit" />
          </BusyButton>
        </form>
      )}
    </div>
  );
}
