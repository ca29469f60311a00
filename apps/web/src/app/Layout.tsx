import { useEffect, useRef, useSyncExternalStore } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { LOCALES, type AppLocale } from '../i18n';
import { apiStatus } from './api-status';
import { useLocaleChoice } from './locale';
import { currentEntry, NAVIGATION } from './navigation';
import { documentTitle, usePageTitleValue } from './page-title';
import { SearchBox } from '../search/SearchBox';
import { useSession } from './session';
import { NotificationBell } from '../notifications/NotificationBell';

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

/** The signed-in person: a link to their account (marked when one is there), and signing out. */
export function AccountLinks() {
  const session = useSession();
  const intl = useIntl();
  const { pathname } = useLocation();
  const viewer = session.viewer;
  if (!viewer) return null;
  const here = pathname === '/account' || pathname.startsWith('/account/');
  return (
    <div className="account">
      <Link to="/account" className="account-link" aria-current={here ? 'page' : undefined}>
        <span className="visually-hidden">{intl.formatMessage({ id: 'nav.account' }, { name: '' })}</span>
        {viewer.displayName}
      </Link>
      <button type="button" onClick={() => void session.signOut()}>
        {intl.formatMessage({ id: 'session.signOut' })}
      </button>
    </div>
  );
}

/**
 * Where one is, for the browser and for assistive technology: `document.title` names the page and its section in
 * the current language; after moving to another page by a link of the header, the focus goes to the main content
 * (so that keyboard and screen-reader users start reading the new page, not the header again).
 */
function useLocationAnnouncements() {
  const intl = useIntl();
  const { pathname } = useLocation();
  const page = usePageTitleValue();
  const entry = currentEntry(pathname);
  const section = entry ? intl.formatMessage({ id: entry.messageId }) : null;
  useEffect(() => {
    document.title = documentTitle(page, section);
  }, [page, section]);

  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const active = document.activeElement;
    const fromHeader = !active || active === document.body || !!active.closest('header, .breadcrumbs');
    if (fromHeader) document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}

export function Layout() {
  useLocationAnnouncements();
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
        <NotificationBell />
        <AccountLinks />
      </header>
      <ApiBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
