import { useIntl } from 'react-intl';
import { NavLink, Outlet, useLocation } from 'react-router';
import { RequireSession } from '../app/RequireSession';
import { useSession } from '../app/session';
import '../annotations/annotations.css';
import './console.css';

export const isModerator = (role: string | null | undefined) => role === 'MODERATOR' || role === 'ADMIN';

/** The console's sections; `adminOnly` ones are shown to administrators alone (the API decides anyway). */
const SECTIONS = [
  { to: '/console/consultations', messageId: 'console.nav.consultations' },
  { to: '/console/documents', messageId: 'console.nav.documents' },
  { to: '/console/moderation', messageId: 'console.nav.queue', end: true },
  { to: '/console/moderation/log', messageId: 'console.nav.log' },
  { to: '/console/answers', messageId: 'console.nav.answers' },
  { to: '/console/organizations', messageId: 'console.nav.organizations' },
  { to: '/console/roles', messageId: 'console.nav.roles', adminOnly: true },
] as const;

/** The ministry's console: moderators and administrators only, with its own section navigation. */
export function ConsoleLayout() {
  return (
    <RequireSession>
      <ConsoleFrame />
    </RequireSession>
  );
}

function ConsoleFrame() {
  const intl = useIntl();
  const { viewer } = useSession();
  const { pathname } = useLocation();
  if (!isModerator(viewer?.platformRole))
    return (
      <section className="console">
        <h1>{intl.formatMessage({ id: 'console.title' })}</h1>
        <p role="alert">{intl.formatMessage({ id: 'console.forbidden' })}</p>
      </section>
    );
  const sections = SECTIONS.filter((section) => !('adminOnly' in section) || viewer?.platformRole === 'ADMIN');
  return (
    <div className="console">
      <h1>{intl.formatMessage({ id: 'console.title' })}</h1>
      <nav className="console-nav" aria-label={intl.formatMessage({ id: 'console.nav.label' })}>
        <ul>
          {sections.map((section) => {
            const current =
              'end' in section
                ? pathname === section.to
                : pathname === section.to || pathname.startsWith(`${section.to}/`);
            return (
              <li key={section.to}>
                <NavLink to={section.to} end aria-current={current ? 'page' : undefined} className="">
                  {intl.formatMessage({ id: section.messageId })}
                </NavLink>
              </li>
            );
          })}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
