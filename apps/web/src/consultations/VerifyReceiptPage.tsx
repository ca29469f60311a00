import { useLazyQuery } from '@apollo/client/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { VerifyReceiptDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import './consultations.css';
import { BusyButton } from '../ui/BusyButton';

/** Anyone holding a receipt checks it here, signed in or not: was it received, when, and is it the latest one. */
export function VerifyReceiptPage() {
  const intl = useIntl();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [trackingNumber, setTrackingNumber] = useState(params.get('tracking') ?? '');
  const [digest, setDigest] = useState(params.get('digest') ?? '');
  const [checked, setChecked] = useState(false);
  const [verify, { data, loading, error, called }] = useLazyQuery(VerifyReceiptDocument, {
    fetchPolicy: 'network-only',
  });

  useEffect(() => {
    const tracking = params.get('tracking');
    const given = params.get('digest');
    if (tracking && given) void verify({ variables: { trackingNumber: tracking, digest: given } });
    // Only the address the page was opened with.
  }, []);

  const missingTracking = checked && !trackingNumber.trim();
  const missingDigest = checked && !digest.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!trackingNumber.trim() || !digest.trim()) return;
    setParams({ tracking: trackingNumber.trim(), digest: digest.trim() }, { replace: true });
    void verify({ variables: { trackingNumber: trackingNumber.trim(), digest: digest.trim() } });
  }

  const result = data?.verifyReceipt;
  return (
    <div className="page verify-receipt">
      <h1>
        <FormattedMessage id="consultations.verify.title" />
      </h1>
      <p>
        <FormattedMessage id="consultations.verify.explain" />
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-tracking`}>
            <FormattedMessage id="consultations.receipt.trackingNumber" />
          </label>
          <input
            id={`${id}-tracking`}
            dir="ltr"
            autoComplete="off"
            value={trackingNumber}
            aria-invalid={missingTracking ? true : undefined}
            aria-describedby={missingTracking ? `${id}-tracking-error` : undefined}
            onChange={(event) => setTrackingNumber(event.target.value)}
          />
          {missingTracking && (
            <p id={`${id}-tracking-error`} className="field-error">
              <FormattedMessage id="consultations.verify.required" />
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-digest`}>
            <FormattedMessage id="consultations.receipt.digest" />
          </label>
          <input
            id={`${id}-digest`}
            dir="ltr"
            autoComplete="off"
            size={70}
            value={digest}
            aria-invalid={missingDigest ? true : undefined}
            aria-describedby={missingDigest ? `${id}-digest-error` : undefined}
            onChange={(event) => setDigest(event.target.value)}
          />
          {missingDigest && (
            <p id={`${id}-digest-error`} className="field-error">
              <FormattedMessage id="consultations.verify.required" />
            </p>
          )}
        </div>
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="consultations.verify.button" />
        </BusyButton>
      </form>
      {error && <ErrorMessage error={error} />}
      <div role="status" aria-live="polite">
        {called && result && (
          <p className="verify-result" data-valid={String(result.valid)} data-testid="verify-result">
            {result.valid && result.submittedAt ? (
              <FormattedMessage
                id={result.latest ? 'consultations.verify.validLatest' : 'consultations.verify.validEarlier'}
                values={{ at: intl.formatDate(result.submittedAt, { dateStyle: 'full', timeStyle: 'long' }) }}
              />
            ) : (
              <FormattedMessage id="consultations.verify.invalid" />
            )}
          </p>
        )}
      </div>
    </div>
  );
}
