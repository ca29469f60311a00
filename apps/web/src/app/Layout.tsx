import { useSyncExternalStore } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Outlet } from 'react-router';
import { LOCALES, type AppLocale } from '../i18n';
import { apiStatus } from './api-status';
import { useLocaleChoice } from './locale';
import { useSession } from './session';

const LOCALE_NAMES: Record<AppLocale, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLocaleChoice();
  return (
    <nav className="languages" aria-label={intl.formatMessage({ id: 'common.language' })}>
      <ul>
        {LOCALES.map((candidate) => (
          <li key={candidate}>
            <button
              type="button"
              lang={candidate}
              aria-current={candidate === locale ? 'true' : undefined}
              onClick={() => setLocale(candidate)}
            >
              {LOCALE_NAMES[candidate]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ApiBanner() {
  const status = useSyncExternalStore(apiStatus.subscribe, apiStatus.get);
  if (status === 'up') return null;
  return (
    <div className="banner banner-error" role="alert">
      <FormattedMessage id={status === 'api-down' ? 'common.apiDown' : 'common.databaseDown'} />
    </div>
  );
}

export function Layout() {
  const session = useSession();
  const intl = useIntl();
  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="common.skipToContent" />
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Majlis
        </Link>
        <LanguageSwitch />
        {session.viewer && (
          <div className="account">
            <span>{session.viewer.displayName}</span>
            <button type="button" onClick={() => void session.signOut()}>
              {intl.formatMessage({ id: 'session.signOut' })}
            </button>
          </div>
        )}
      </header>
      <ApiBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
