import { useSyncExternalStore } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { LOCALES, type AppLocale } from '../i18n';
import { apiStatus } from './api-status';
import { useLocaleChoice } from './locale';
import { currentEntry, NAVIGATION } from './navigation';
import { SearchBox } from '../search/SearchBox';
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

/** The main sections, the current one marked for sight and for screen readers. */
export function PrimaryNav() {
  const intl = useIntl();
  const session = useSession();
  const { pathname } = useLocation();
  const viewer = session.viewer;
  if (!viewer) return null;
  const current = currentEntry(pathname);
  return (
    <nav className="primary-nav" aria-label={intl.formatMessage({ id: 'nav.label' })}>
      <ul>
        {NAVIGATION.filter((entry) => entry.visible?.(viewer) ?? true).map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to} aria-current={entry === current ? 'page' : undefined} className="">
              {intl.formatMessage({ id: entry.messageId })}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
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
        <PrimaryNav />
        <SearchBox />
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
