import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { ThreadSummaryFragment } from '../graphql/generated/graphql';

export interface ThreadListProps {
  readonly threads: readonly (ThreadSummaryFragment & { space?: { id: string; slug: string; name: string } })[];
  /** A tag's link (filtering the list by it); without it, tags are plain text. */
  readonly tagLink?: (tag: string) => string;
}

/** Threads as a list: title, pinned and locked marks, tags, who started it, replies, unread, last activity. */
export function ThreadList({ threads, tagLink }: ThreadListProps) {
  const intl = useIntl();
  return (
    <ol className="thread-list">
      {threads.map((thread) => (
        <li key={thread.id} className="thread-item" data-pinned={thread.pinned || undefined}>
          <h3 className="thread-title">
            {thread.pinned && (
              <span className="badge pinned">
                <FormattedMessage id="spaces.thread.pinned" />
              </span>
            )}
            {thread.locked && (
              <span className="badge locked">
                <FormattedMessage id="spaces.thread.locked" />
              </span>
            )}
            <Link to={`/threads/${thread.id}`}>
              {thread.title != null ? (
                <bdi>{thread.title}</bdi>
              ) : (
                <FormattedMessage id={thread.isDeleted ? 'spaces.thread.deleted' : 'spaces.thread.hidden'} />
              )}
            </Link>
            {thread.unreadCount > 0 && (
              <span className="badge unread">
                <FormattedMessage id="spaces.thread.unread" values={{ count: thread.unreadCount }} />
              </span>
            )}
          </h3>
          <p className="meta">
            {thread.space && (
              <>
                <Link to={`/spaces/${thread.space.slug}`}>
                  <bdi>{thread.space.name}</bdi>
                </Link>{' '}
                ·{' '}
              </>
            )}
            {thread.author && (
              <>
                <FormattedMessage
                  id="spaces.thread.startedBy"
                  values={{ name: <bdi>{thread.organization?.name ?? thread.author.displayName}</bdi> }}
                />{' '}
                ·{' '}
              </>
            )}
            <FormattedMessage id="spaces.thread.replies" values={{ count: thread.replyCount }} /> ·{' '}
            <FormattedMessage id="spaces.thread.participants" values={{ count: thread.participantCount }} /> ·{' '}
            <FormattedMessage
              id="spaces.thread.lastActivity"
              values={{
                date: (
                  <bdi>
                    <FormattedDate value={thread.lastActivityAt} dateStyle="medium" timeStyle="short" />
                  </bdi>
                ),
              }}
            />
            {thread.citation && (
              <>
                {' '}
                · <FormattedMessage id="spaces.thread.citesArticle" values={{ key: thread.citation.sectionKey }} />
              </>
            )}
          </p>
          {thread.tags && thread.tags.length > 0 && (
            <ul className="tags" aria-label={intl.formatMessage({ id: 'spaces.thread.tags' })}>
              {thread.tags.map((tag) => (
                <li key={tag}>
                  {tagLink ? (
                    <Link
                      to={tagLink(tag)}
                      className="tag"
                      aria-label={intl.formatMessage({ id: 'spaces.filter.byTag' }, { tag })}
                    >
                      <bdi>{tag}</bdi>
                    </Link>
                  ) : (
                    <span className="tag">
                      <bdi>{tag}</bdi>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
