import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { announce } from '../annotations/announce';
import { usePageTitle } from '../app/page-title';
import {
  InboxDocument,
  type InboxItemFragment,
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  UnreadNotificationCountDocument,
} from '../graphql/generated/graphql';
import { contentPath } from '@majlis/links';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import './notifications.css';
import { BusyButton } from '../ui/BusyButton';

const PAGE = 20;

/** The inbox: newest first, unread ones marked (in words, not only by style), read one by one or all at once. */
export function InboxPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: 'notifications.inbox.title' }));
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(InboxDocument, {
    variables: { first: PAGE, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MarkNotificationsReadDocument, {
    update(cache, { data: result }) {
      if (!result) return;
      cache.writeQuery({
        query: UnreadNotificationCountDocument,
        data: { unreadNotificationCount: result.markNotificationsRead.unreadCount },
      });
    },
  });
  const [markAllRead, { loading: markingAll }] = useMutation(MarkAllNotificationsReadDocument);
  const [actionError, setActionError] = useState<unknown>(null);

  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const items = data.notifications.edges.map((edge) => edge.node);
  const unread = data.unreadNotificationCount;

  async function readOne(item: InboxItemFragment) {
    setActionError(null);
    try {
      await markRead({ variables: { input: { ids: [item.id] } } });
      announce(intl.formatMessage({ id: 'notifications.inbox.markedOne' }));
    } catch (caught) {
      setActionError(caught);
    }
  }

  async function readAll() {
    setActionError(null);
    try {
      const result = await markAllRead();
      await refetch();
      announce(
        intl.formatMessage(
          { id: 'notifications.inbox.markedAll' },
          { count: result.data?.markAllNotificationsRead.marked ?? 0 },
        ),
      );
    } catch (caught) {
      setActionError(caught);
    }
  }

  return (
    <div className="inbox">
      <header className="inbox-header">
        <h1>
          <FormattedMessage id="notifications.inbox.title" />
        </h1>
        <p role="status">
          <FormattedMessage id="notifications.inbox.unread" values={{ count: unread }} />
        </p>
        <div className="inbox-tools">
          <label className="inbox-filter">
            <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />{' '}
            <FormattedMessage id="notifications.inbox.unreadOnly" />
          </label>
          <BusyButton type="button" onClick={() => void readAll()} disabled={unread === 0} busy={markingAll}>
            <FormattedMessage id="notifications.inbox.markAll" />
          </BusyButton>
          <Link to="/notifications/settings">
            <FormattedMessage id="notifications.settings.link" />
          </Link>
        </div>
      </header>
      {actionError !== null && <ErrorMessage error={actionError} />}
      {loading && items.length === 0 && <Loading />}
      {!loading && items.length === 0 && (
        <Empty>
          <FormattedMessage id={unreadOnly ? 'notifications.inbox.noneUnread' : 'notifications.inbox.empty'} />
        </Empty>
      )}
      <ol className="inbox-list">
        {items.map((item) => (
          <InboxEntry key={item.id} item={item} onRead={() => void readOne(item)} />
        ))}
      </ol>
      {data.notifications.pageInfo.hasNextPage && (
        <button
          type="button"
          onClick={() =>
            void fetchMore({
              variables: { after: data.notifications.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                ...fetchMoreResult,
                notifications: {
                  ...fetchMoreResult.notifications,
                  edges: [...previous.notifications.edges, ...fetchMoreResult.notifications.edges],
                },
              }),
            })
          }
        >
          <FormattedMessage id="notifications.inbox.more" />
        </button>
      )}
    </div>
  );
}

function InboxEntry({ item, onRead }: { item: InboxItemFragment; onRead: () => void }) {
  const intl = useIntl();
  const unread = !item.readAt;
  return (
    <li className={unread ? 'inbox-item unread' : 'inbox-item'}>
      <p className="inbox-what">
        {unread && (
          <span className="unread-mark">
            <FormattedMessage id="notifications.inbox.unreadMark" />
          </span>
        )}{' '}
        {/* What it is about opens in place (the same mapping as search hits); the inbox when no longer readable. */}
        <Link className="inbox-open" to={contentPath(item.target) ?? '/notifications'}>
          <strong>
            <FormattedMessage
              id={`notifications.kind.${item.kind}`}
              values={{ actor: item.actorName ?? intl.formatMessage({ id: 'notifications.someone' }) }}
            />
          </strong>
          {item.title && (
            <>
              {' — '}
              <bdi>{item.title}</bdi>
            </>
          )}
        </Link>
      </p>
      {item.excerpt && (
        <p className="inbox-excerpt" dir="auto">
          {item.excerpt}
        </p>
      )}
      <p className="inbox-meta">
        <time dateTime={String(item.createdAt)}>
          {intl.formatDate(item.createdAt as string, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
        {unread && (
          <button
            type="button"
            className="link"
            onClick={onRead}
            aria-label={`${intl.formatMessage({ id: 'notifications.inbox.markRead' })} — ${intl.formatMessage(
              { id: `notifications.kind.${item.kind}` },
              { actor: item.actorName ?? intl.formatMessage({ id: 'notifications.someone' }) },
            )} ${item.title}`}
          >
            <FormattedMessage id="notifications.inbox.markRead" />
          </button>
        )}
      </p>
    </li>
  );
}
