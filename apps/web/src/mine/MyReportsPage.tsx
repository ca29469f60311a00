import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { MyReportsDocument } from '../graphql/generated/graphql';
import { MineShell } from './MineShell';
import { ReportState } from './ReportSummary';
import { PagedList } from '../ui/PagedList';
import { appendEdges } from '../ui/ShowMore';

/** The reports one made, newest first, with where each stands. */
export function MyReportsPage() {
  const intl = useIntl();
  const { data, error, refetch, fetchMore } = useQuery(MyReportsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <MineShell title={intl.formatMessage({ id: 'mine.reports.title' })}>
      <PagedList
        connection={data?.myReports}
        error={error}
        onRetry={() => void refetch()}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('myReports') })}
        empty={<FormattedMessage id="mine.reports.none" />}
      >
        {({ node }) => (
          <li key={node.id}>
            <p>
              <Link to={`/account/activity/reports/${node.id}`}>
                <FormattedMessage
                  id="mine.reports.entry"
                  values={{
                    type: intl.formatMessage({ id: `mine.reports.type.${node.contentType}` }),
                    date: intl.formatDate(node.createdAt as string, { dateStyle: 'medium' }),
                  }}
                />
              </Link>
            </p>
            <p className="meta">
              {intl.formatMessage({ id: `annotations.report.reasons.${node.reason}` })} · <ReportState report={node} />
            </p>
          </li>
        )}
      </PagedList>
    </MineShell>
  );
}
