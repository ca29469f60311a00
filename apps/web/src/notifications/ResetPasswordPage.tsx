import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { errorCodeOf } from '../app/errors';
import { usePageTitle } from '../app/page-title';
import { ResetPasswordDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import './notifications.css';

const MIN_LENGTH = 12;
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
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [reset, { loading, error }] = useMutation(ResetPasswordDocument);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < MIN_LENGTH) {
      setProblem(intl.formatMessage({ id: 'notifications.reset.tooShort' }, { min: MIN_LENGTH }));
      passwordRef.current?.focus();
      return;
    }
    if (confirmation !== password) {
      setProblem(intl.formatMessage({ id: 'notifications.reset.mismatch' }));
      confirmationRef.current?.focus();
      return;
    }
    setProblem(null);
    try {
      await reset({ variables: { input: { token, newPassword: password } } });
      setDone(true);
    } catch {
      // shown below; the fields keep their values
    }
  }

  const dead = error && DEAD_LINK.includes(errorCodeOf(error));
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
          <label htmlFor={`${id}-password`}>
            <FormattedMessage id="notifications.reset.password" />
          </label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id={`${id}-hint`} className="hint">
            <FormattedMessage id="notifications.reset.hint" values={{ min: MIN_LENGTH }} />
          </p>
          <label htmlFor={`${id}-confirmation`}>
            <FormattedMessage id="notifications.reset.confirmation" />
          </label>
          <input
            ref={confirmationRef}
            id={`${id}-confirmation`}
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
          />
          {problem && (
            <p id={`${id}-problem`} className="field-error" role="alert">
              {problem}
            </p>
          )}
          {error && <ErrorMessage error={error} />}
          <button type="submit" className="primary" disabled={loading}>
            <FormattedMessage id="notifications.reset.submit" />
          </button>
        </form>
      )}
    </div>
  );
}
