import { useIntl } from 'react-intl';
import { Outlet } from 'react-router';
import { SectionLinks } from '../ui/SectionLinks';
import { useSession } from '../app/session';
import './account.css';

/** The account's own pages, listed beside each page; the current one marked for sight and for screen readers. */
const SECTIONS = [
  { to: '/account', messageId: 'account.nav.profile', end: true },
  { to: '/account/organizations', messageId: 'account.nav.organizations', end: false },
  { to: '/account/password', messageId: 'account.nav.password', end: true },
  { to: '/account/data', messageId: 'account.nav.data', end: true },
  { to: '/account/activity', messageId: 'mine.title', end: false },
] as const;

export function AccountShell() {
  const intl = useIntl();
  const session = useSession();
  return (
    <div className="page account-page">
      <nav className="account-nav" aria-label={intl.formatMessage({ id: 'account.nav.label' })}>
        <p className="account-nav-who" lang="">
          {session.viewer?.displayName}
        </p>
        <SectionLinks sections={SECTIONS} />
      </nav>
      <div className="account-content">
        <Outlet />
      </div>
    </div>
  );
}
