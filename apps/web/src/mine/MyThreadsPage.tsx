import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { MyThreadsDocument } from '../graphql/generated/graphql';
import { ActivityMeta } from './ActivityMeta';
import { MineShell } from './MineShell';
import { PagedList } from '../ui/PagedList';
import { appendEdges } from '../ui/ShowMore';

/** The threads one started, most recently active first. */
export function MyThreadsPage() {
  const intl = useIntl();
  const { data, error, refetch, fetchMore } = useQuery(MyThreadsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <MineShell title={intl.formatMessage({ id: 'mine.threads.title' })}>
      <PagedList
        connection={data?.myThreads}
        error={error}
        onRetry={() => void refetch()}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('myThreads') })}
        empty={<FormattedMessage id="mine.threads.none" />}
      >
        {({ node }) => (
          <li key={node.id}>
            <p>
              <Link to={`/threads/${node.id}`}>
                <bdi>{node.title ?? intl.formatMessage({ id: 'mine.threads.untitled' })}</bdi>
              </Link>
            </p>
            <p className="meta">
              <bdi>{node.space.name}</bdi> ·{' '}
              <ActivityMeta
                replyCount={node.replyCount}
                at={node.lastActivityAt}
                hidden={Boolean(node.moderation?.hidden)}
              />
            </p>
          </li>
        )}
      </PagedList>
    </MineShell>
  );
}
