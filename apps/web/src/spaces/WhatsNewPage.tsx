import { useQuery } from '@apollo/client/react';
import { FormattedMessage } from 'react-intl';
import { WhatsNewDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { ThreadList } from './ThreadList';

/** Threads with activity by others since one last read them, across one's spaces, most recent first. */
export function WhatsNewPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(WhatsNewDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.whatsNew;
  const threads = connection?.edges.map(({ node }) => node) ?? [];
  return (
    <div className="whats-new-page">
      <h1>
        <FormattedMessage id="spaces.whatsNew.title" />
      </h1>
      {connection && (
        <p role="status">
          <FormattedMessage id="spaces.whatsNew.count" values={{ count: connection.totalCount }} />
        </p>
      )}
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {connection && threads.length === 0 && (
        <Empty>
          <FormattedMessage id="spaces.whatsNew.empty" />
        </Empty>
      )}
      {threads.length > 0 && <ThreadList threads={threads} />}
      {connection?.pageInfo.hasNextPage && (
        <button
          type="button"
          onClick={() =>
            void fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                whatsNew: {
                  ...fetchMoreResult.whatsNew,
                  edges: [...previous.whatsNew.edges, ...fetchMoreResult.whatsNew.edges],
                },
              }),
            })
          }
        >
          <FormattedMessage id="spaces.list.more" />
        </button>
      )}
    </div>
  );
}
