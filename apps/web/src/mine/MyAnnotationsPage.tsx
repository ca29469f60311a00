import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { MyAnnotationsDocument, type MyAnnotationFragment } from '../graphql/generated/graphql';
import { ActivityMeta } from './ActivityMeta';
import { annotationLink } from './links';
import { MineShell } from './MineShell';
import { PagedList } from '../ui/PagedList';
import { appendEdges } from '../ui/ShowMore';

/** One's annotations, newest first, each opening the reader at its place. */
export function MyAnnotationsPage() {
  const intl = useIntl();
  const { data, error, refetch, fetchMore } = useQuery(MyAnnotationsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <MineShell title={intl.formatMessage({ id: 'mine.annotations.title' })}>
      <PagedList
        connection={data?.myAnnotations}
        error={error}
        onRetry={() => void refetch()}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('myAnnotations') })}
        empty={<FormattedMessage id="mine.annotations.none" />}
        header={(connection) => (
          <p className="meta">
            <FormattedMessage id="mine.count" values={{ count: connection.totalCount }} />
          </p>
        )}
      >
        {({ node }) => <AnnotationEntry key={node.id} annotation={node} />}
      </PagedList>
    </MineShell>
  );
}

function AnnotationEntry({ annotation }: { annotation: MyAnnotationFragment }) {
  const intl = useIntl();
  const excerpt = annotation.bodyExcerpt;
  const exact = annotation.target.exact;
  const quote = exact.length > 140 ? `${exact.slice(0, 140)}…` : exact;
  return (
    <li>
      <p className="mine-quote" dir="auto">
        <Link to={annotationLink(annotation)}>{quote}</Link>
      </p>
      {excerpt && <p dir="auto">{excerpt}</p>}
      <p className="meta">
        {intl.formatMessage({ id: `reader.motivation.${annotation.motivation}` })} ·{' '}
        <FormattedMessage id="mine.annotations.version" values={{ version: annotation.createdOnVersion.number }} /> ·{' '}
        {intl.formatMessage({ id: `reader.status.${annotation.status}` })} ·{' '}
        <ActivityMeta
          replyCount={annotation.replyCount}
          at={annotation.createdAt}
          hidden={Boolean(annotation.moderation?.hidden)}
        />
      </p>
    </li>
  );
}
