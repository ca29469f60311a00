import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLiveEvents } from '../app/use-live-events';
import { SpaceThreadsDocument } from '../graphql/generated/graphql';
import { Empty, Loading } from '../ui/States';
import { PageError } from './NotFound';
import { ThreadList } from './ThreadList';
import { Breadcrumbs } from '../ui/Breadcrumbs';
import { SpaceNotificationLevel } from '../notifications/SpaceNotificationLevel';

/**
 * A space and its threads, pinned first then by last activity (the API's order), filtered by a tag (in the
 * address, so a filtered list can be shared) and, on what is loaded, to the unread ones.
 */
export function SpacePage() {
  const intl = useIntl();
  const id = useId();
  const { spaceId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tag = params.get('tag') || null;
  const unreadOnly = params.get('unread') === '1';
  const [tagInput, setTagInput] = useState(tag ?? '');
  const { data, loading, error, refetch, fetchMore } = useQuery(SpaceThreadsDocument, {
    variables: { id: spaceId, tag },
    fetchPolicy: 'cache-and-network',
  });
  // New threads, replies (counts, last activity), edits and moderation: the list is read again.
  const loadedId = data?.space.id;
  useLiveEvents(loadedId ? { spaceId: loadedId } : null, () => void refetch().catch(() => undefined));

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const space = data.space;
  const all = space.threads.edges.map(({ node }) => node);
  const threads = unreadOnly ? all.filter((thread) => thread.unreadCount > 0) : all;
  const knownTags = [...new Set(all.flatMap((thread) => thread.tags ?? []))].sort();

  const setFilter = (change: { tag?: string | null; unread?: boolean }) => {
    const next = new URLSearchParams(params);
    if (change.tag !== undefined) {
      if (change.tag) next.set('tag', change.tag);
      else next.delete('tag');
    }
    if (change.unread !== undefined) {
      if (change.unread) next.set('unread', '1');
      else next.delete('unread');
    }
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ tag: tagInput.trim() || null });
  };
  const tagLink = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('tag', value);
    return `/spaces/${space.slug}?${next.toString()}`;
  };

  return (
    <div className="space-page">
      <Breadcrumbs
        items={[{ label: intl.formatMessage({ id: 'spaces.list.title' }), to: '/spaces' }, { label: space.name }]}
      />
      <h1>
        <bdi>{space.name}</bdi>
      </h1>
      <p className="meta">
        <span className={`badge visibility visibility-${space.visibility.toLowerCase()}`}>
          <FormattedMessage id={`spaces.visibility.${space.visibility}`} />
        </span>{' '}
        <FormattedMessage id={`spaces.visibility.${space.visibility}.explanation`} />
        {space.viewerRole && (
          <>
            {' '}
            ·{' '}
            <FormattedMessage
              id="spaces.list.yourRole"
              values={{ role: <FormattedMessage id={`spaces.role.${space.viewerRole}`} /> }}
            />
          </>
        )}
      </p>
      {space.description && (
        <p className="description" dir="auto">
          {space.description}
        </p>
      )}
      <p className="page-links">
        {space.viewerCanPost && (
          <Link className="button primary" to={`/spaces/${space.slug}/new`}>
            <FormattedMessage id="spaces.thread.new" />
          </Link>
        )}
        <Link to={`/spaces/${space.slug}/members`}>
          <FormattedMessage id={space.viewerCanManageMembers ? 'spaces.members.manage' : 'spaces.members.see'} />
        </Link>
      </p>
      <SpaceNotificationLevel spaceId={space.id} />

      <section aria-labelledby={`${id}-threads`}>
        <h2 id={`${id}-threads`}>
          <FormattedMessage id="spaces.space.threads" />
        </h2>
        <form
          className="filters"
          onSubmit={submit}
          role="search"
          aria-label={intl.formatMessage({ id: 'spaces.filter.label' })}
        >
          <label htmlFor={`${id}-tag`}>
            <FormattedMessage id="spaces.filter.tag" />
          </label>
          <input
            id={`${id}-tag`}
            list={`${id}-tags`}
            value={tagInput}
            dir="auto"
            onChange={(event) => setTagInput(event.target.value)}
          />
          <datalist id={`${id}-tags`}>
            {knownTags.map((known) => (
              <option key={known} value={known} />
            ))}
          </datalist>
          <button type="submit">
            <FormattedMessage id="spaces.filter.apply" />
          </button>
          {tag && (
            <button
              type="button"
              onClick={() => {
                setTagInput('');
                setFilter({ tag: null });
              }}
            >
              <FormattedMessage id="spaces.filter.clear" values={{ tag }} />
            </button>
          )}
          <label className="choice">
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => setFilter({ unread: event.target.checked })}
            />
            <FormattedMessage id="spaces.filter.unreadOnly" />
          </label>
        </form>
        <p role="status">
          <FormattedMessage
            id={tag ? 'spaces.space.countTagged' : 'spaces.space.count'}
            values={{ count: space.threads.totalCount, tag }}
          />
        </p>
        {threads.length === 0 ? (
          <Empty>
            <FormattedMessage id={unreadOnly ? 'spaces.space.noUnread' : 'spaces.space.empty'} />
          </Empty>
        ) : (
          <ThreadList threads={threads} tagLink={tagLink} />
        )}
        {space.threads.pageInfo.hasNextPage && (
          <button
            type="button"
            onClick={() =>
              void fetchMore({
                variables: { after: space.threads.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  space: {
                    ...fetchMoreResult.space,
                    threads: {
                      ...fetchMoreResult.space.threads,
                      edges: [...previous.space.threads.edges, ...fetchMoreResult.space.threads.edges],
                    },
                  },
                }),
              })
            }
          >
            <FormattedMessage id="spaces.list.more" />
          </button>
        )}
      </section>
    </div>
  );
}
