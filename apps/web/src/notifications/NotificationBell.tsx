import { useQuery } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { useSession } from '../app/session';
import { type LiveSubject, useLiveConnected, useLiveEvents } from '../app/use-live-events';
import { UnreadNotificationCountDocument } from '../graphql/generated/graphql';
import './notifications.css';

/** How often the bell asks for the unread count while the live socket is down (no live update can bring it). */
export const UNREAD_POLL_MS = 30_000;

const INBOX: LiveSubject = { inbox: true };

/**
 * The header's bell: a link to the inbox whose name says how many notifications are unread (screen readers hear
 * "Notifications, 3 unread"), with the number shown beside it. Marking read in the inbox updates it at once.
 *
 * The count is pushed: the bell follows the person's inbox live (`liveEvents(inbox: true)`, delivered to the
 * recipient only) and reads the count again when notifications arrive, announcing new ones politely. It polls
 * slowly only while the live socket is down.
 */
export function NotificationBell() {
  const intl = useIntl();
  const session = useSession();
  const { pathname } = useLocation();
  const live = useLiveConnected();
  const { data, refetch } = useQuery(UnreadNotificationCountDocument, {
    skip: !session.viewer,
    pollInterval: live ? 0 : UNREAD_POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  const [announcement, setAnnouncement] = useState('');
  const known = useRef<number | null>(null);
  const count = data?.unreadNotificationCount ?? 0;
  const onEvents = useCallback(() => {
    known.current = count;
    void refetch().then(({ data: fresh }) => {
      const now = fresh?.unreadNotificationCount ?? 0;
      if (known.current !== null && now > known.current)
        setAnnouncement(intl.formatMessage({ id: 'notifications.bell.arrived' }, { count: now }));
      known.current = now;
    });
  }, [count, refetch, intl]);
  useLiveEvents(session.viewer ? INBOX : null, onEvents);
  if (!session.viewer) return null;
  const here = pathname === '/notifications' || pathname.startsWith('/notifications/');
  return (
    <>
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
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
