import { FormattedMessage, useIntl } from 'react-intl';
import type { MyReportFragment } from '../graphql/generated/graphql';

/** A report's state in words: open (waiting for a moderator), or closed with what the moderator decided. */
export function ReportState({ report }: { report: MyReportFragment }) {
  const intl = useIntl();
  if (report.status === 'OPEN') return <FormattedMessage id="mine.reports.status.OPEN" />;
  return (
    <>
      <FormattedMessage id="mine.reports.status.CLOSED" />
      {report.outcome && <> — {intl.formatMessage({ id: `mine.reports.outcome.${report.outcome}` })}</>}
    </>
  );
}
