import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router';
import { ConsultationDocument, ContributionDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import './consultations.css';

/** The latest submission's receipt: tracking number, digest, when it was received and processed, printable, with a link to verify it. */
export function ReceiptPage() {
  const { consultationId = '', organizationId = '' } = useParams();
  const location = useLocation();
  const alreadyReceived = (location.state as { alreadyReceived?: boolean } | null)?.alreadyReceived;
  const consultation = useQuery(ConsultationDocument, { variables: { id: consultationId } });
  const { data, loading, error, refetch } = useQuery(ContributionDocument, {
    variables: { consultationId, organizationId },
  });
  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <div className="page">
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </div>
    );
  const contribution = data.contribution;
  const receipt = contribution.latestReceipt;
  const verifyHref = receipt
    ? `/verify-receipt?tracking=${encodeURIComponent(receipt.trackingNumber)}&digest=${encodeURIComponent(receipt.digest)}`
    : '/verify-receipt';
  return (
    <div className="page receipt-page">
      <p className="no-print">
        <Link to={`/consultations/${consultationId}`}>
          <FormattedMessage id="consultations.receipt.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="consultations.receipt.title" />
      </h1>
      {!receipt ? (
        <Empty>
          <FormattedMessage id="consultations.receipt.none" />
        </Empty>
      ) : (
        <>
          {alreadyReceived !== undefined && (
            <p role="status">
              <FormattedMessage
                id={alreadyReceived ? 'consultations.receipt.alreadyReceived' : 'consultations.receipt.received'}
              />
            </p>
          )}
          <article className="receipt" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">
              <FormattedMessage id="consultations.receipt.heading" />
            </h2>
            <dl>
              <dt>
                <FormattedMessage id="consultations.receipt.consultation" />
              </dt>
              <dd dir="auto">{consultation.data?.consultation.title ?? consultationId}</dd>
              <dt>
                <FormattedMessage id="consultations.receipt.organization" />
              </dt>
              <dd dir="auto">{contribution.organization?.name ?? organizationId}</dd>
              <dt>
                <FormattedMessage id="consultations.receipt.trackingNumber" />
              </dt>
              <dd data-testid="tracking-number" dir="ltr">
                {receipt.trackingNumber}
              </dd>
              <dt>
                <FormattedMessage id="consultations.receipt.receivedAt" />
              </dt>
              <dd>
                <ServerTime at={receipt.submittedAt} />
              </dd>
              <dt>
                <FormattedMessage id="consultations.receipt.processedAt" />
              </dt>
              <dd>
                <ServerTime at={receipt.processedAt} />
              </dd>
              <dt>
                <FormattedMessage id="consultations.receipt.digest" />
              </dt>
              <dd data-testid="digest" dir="ltr">
                {receipt.digest}
              </dd>
            </dl>
            <p className="hint">
              <FormattedMessage id="consultations.receipt.receivedCounts" />
            </p>
            <p className="hint">
              <FormattedMessage
                id="consultations.receipt.keep"
                values={{ address: `${window.location.origin}/verify-receipt` }}
              />
            </p>
          </article>
          {contribution.status === 'CHANGED_SINCE_SUBMITTED' && (
            <p>
              <FormattedMessage id="consultations.receipt.changedSince" />
            </p>
          )}
          <div className="actions no-print">
            <button type="button" onClick={() => window.print()}>
              <FormattedMessage id="consultations.receipt.print" />
            </button>
            <Link to={verifyHref}>
              <FormattedMessage id="consultations.receipt.verify" />
            </Link>
          </div>
        </>
      )}
    </div>
  );
}

/** A server timestamp in the reader's time zone and in UTC (a receipt is printed and compared across time zones). */
function ServerTime({ at }: { at: string }) {
  const intl = useIntl();
  return (
    <>
      <time dateTime={at}>{intl.formatDate(at, { dateStyle: 'full', timeStyle: 'long' })}</time>
      {' · '}
      {intl.formatDate(at, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' })}
    </>
  );
}
