import { useQuery } from '@apollo/client/react';
import { useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { useSession } from '../app/session';
import { UnreadNotificationCountDocument } from '../graphql/generated/graphql';
import './notifications.css';

/** How often the bell asks for the unread count while no live update brings it (and as a safety net). */
export const UNREAD_POLL_MS = 30_000;

/**
 * The header's bell: a link to the inbox whose name says how many notifications are unread (screen readers hear
 * "Notifications, 3 unread"), with the number shown beside it. Marking read in the inbox updates it at once.
 */
export function NotificationBell() {
  const intl = useIntl();
  const session = useSession();
  const { pathname } = useLocation();
  const { data } = useQuery(UnreadNotificationCountDocument, {
    skip: !session.viewer,
    pollInterval: UNREAD_POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  if (!session.viewer) return null;
  const count = data?.unreadNotificationCount ?? 0;
  const here = pathname === '/notifications' || pathname.startsWith('/notifications/');
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-current={here ? 'page' : undefined}
      aria-label={intl.formatMessage({ id: 'notifications.bell.label' }, { count })}
    >
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {count > 0 && (
        <span className="notification-count" aria-hidden="true">
          {intl.formatNumber(Math.min(count, 99))}
          {count > 99 ? '+' : ''}
        </span>
      )}
    </Link>
  );
}
