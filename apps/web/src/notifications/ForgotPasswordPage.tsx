import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageTitle } from '../app/page-title';
import { RequestPasswordResetDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import './notifications.css';
import { BusyButton } from '../ui/BusyButton';

/**
 * Asking for a password reset link. The answer is the same whether or not the address has an account (the API
 * reveals nothing); the address typed stays in the field after an error.
 */
export function ForgotPasswordPage() {
  const intl = useIntl();
  const id = useId();
  usePageTitle(intl.formatMessage({ id: 'notifications.forgot.title' }));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [request, { loading, error }] = useMutation(RequestPasswordResetDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await request({ variables: { input: { email } } });
      setSent(true);
    } catch {
      // shown below
    }
  }

  return (
    <div className="password-reset">
      <h1>
        <FormattedMessage id="notifications.forgot.title" />
      </h1>
      {sent ? (
        <p role="status">
          <FormattedMessage id="notifications.forgot.sent" values={{ email: <bdi>{email}</bdi> }} />
        </p>
      ) : (
        <form onSubmit={submit}>
          <p id={`${id}-hint`}>
            <FormattedMessage id="notifications.forgot.hint" />
          </p>
          <label htmlFor={`${id}-email`}>
            <FormattedMessage id="notifications.forgot.email" />
          </label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            required
            value={email}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setEmail(e.target.value)}
          />
          {error && <ErrorMessage error={error} />}
          <BusyButton type="submit" className="primary" busy={loading}>
            <FormattedMessage id="notifications.forgot.submit" />
          </BusyButton>
        </form>
      )}
      <p>
        <Link to="/sign-in">
          <FormattedMessage id="notifications.reset.backToSignIn" />
        </Link>
      </p>
    </div>
  );
}
