import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { MyReportDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { MineShell } from './MineShell';
import { ReportState } from './ReportSummary';

/** One of one's reports: what was reported, why, and what became of it. */
export function MyReportPage() {
  const intl = useIntl();
  const { reportId = '' } = useParams();
  const { data, error, refetch } = useQuery(MyReportDocument, { variables: { id: reportId } });
  const report = data?.report;
  const title = report
    ? intl.formatMessage(
        { id: 'mine.reports.entry' },
        {
          type: intl.formatMessage({ id: `mine.reports.type.${report.contentType}` }),
          date: intl.formatDate(report.createdAt as string, { dateStyle: 'medium' }),
        },
      )
    : intl.formatMessage({ id: 'mine.reports.one' });
  const date = (value: unknown) => intl.formatDate(value as string, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <MineShell
      title={title}
      crumbs={[{ label: intl.formatMessage({ id: 'mine.reports.title' }), to: '/account/activity/reports' }]}
    >
      {error && !data ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : !report ? (
        <Loading />
      ) : (
        <>
          <dl className="mine-details">
            <dt>
              <FormattedMessage id="mine.reports.state" />
            </dt>
            <dd>
              <ReportState report={report} />
            </dd>
            <dt>
              <FormattedMessage id="annotations.report.reason" />
            </dt>
            <dd>{intl.formatMessage({ id: `annotations.report.reasons.${report.reason}` })}</dd>
            {report.explanation && (
              <>
                <dt>
                  <FormattedMessage id="mine.reports.explanation" />
                </dt>
                <dd dir="auto">{report.explanation}</dd>
              </>
            )}
            <dt>
              <FormattedMessage id="mine.reports.made" />
            </dt>
            <dd>
              <time dateTime={String(report.createdAt)}>{date(report.createdAt)}</time>
            </dd>
            {report.closedAt && (
              <>
                <dt>
                  <FormattedMessage id="mine.reports.closed" />
                </dt>
                <dd>
                  <time dateTime={String(report.closedAt)}>{date(report.closedAt)}</time>
                </dd>
              </>
            )}
          </dl>
          {report.contentType === 'THREAD' && (
            <p>
              <Link to={`/threads/${report.contentId}`}>
                <FormattedMessage id="mine.reports.openThread" />
              </Link>
            </p>
          )}
        </>
      )}
    </MineShell>
  );
}
