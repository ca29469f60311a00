import { useEffect, useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useSession } from './session';
import { BusyButton } from '../ui/BusyButton';

interface DemoAccount {
  readonly email: string;
  readonly describes: string;
}

/** The demo accounts, listed only when the API runs with its sample data (development). */
function useDemoAccounts(): { accounts: DemoAccount[]; password: string } | null {
  const [demo, setDemo] = useState<{ accounts: DemoAccount[]; password: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch('/demo-accounts', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => !cancelled && setDemo(body))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return demo;
}

export function SignInPage() {
  const intl = useIntl();
  const id = useId();
  const session = useSession();
  const location = useLocation();
  const demo = useDemoAccounts();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session.status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email, password);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <h1>
        <FormattedMessage id="session.title" />
      </h1>
      {session.signedOutReason && session.signedOutReason !== 'SIGNED_OUT' && (
        <p className="banner banner-warning" role="alert">
          <FormattedMessage id={`session.reason.${session.signedOutReason}`} />
        </p>
      )}
      <form onSubmit={submit} aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`} className="visually-hidden">
          {intl.formatMessage({ id: 'session.title' })}
        </h2>
        <label htmlFor={`${id}-email`}>
          <FormattedMessage id="session.email" />
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={`${id}-password`}>
          <FormattedMessage id="session.password" />
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error !== null && <ErrorMessage error={error} />}
        <BusyButton type="submit" className="primary" busy={busy}>
          <FormattedMessage id="session.signIn" />
        </BusyButton>
      </form>
      <p>
        <Link to="/forgot-password">
          <FormattedMessage id="notifications.forgot.link" />
        </Link>
      </p>
      {demo && demo.accounts.length > 0 && (
        <section className="demo-accounts" aria-labelledby={`${id}-demo`}>
          <h2 id={`${id}-demo`}>
            <FormattedMessage id="session.demo.title" />
          </h2>
          <p>
            <FormattedMessage id="session.demo.password" values={{ password: <code>{demo.password}</code> }} />
          </p>
          <ul>
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setEmail(account.email);
                    setPassword(demo.password);
                  }}
                >
                  {account.email}
                </button>{' '}
                — <span lang="fr">{account.describes}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
