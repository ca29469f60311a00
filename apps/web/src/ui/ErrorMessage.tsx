import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../app/errors';

/** An API error in the person's language (one message per error code), with the API's own detail below. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const intl = useIntl();
  const described = describeError(error);
  const fields = Object.entries(described.fields ?? {});
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>
          {intl.formatMessage({ id: `errors.${described.code}` }, { seconds: described.retryAfterSeconds ?? 60 })}
        </strong>
      </p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code> : {message}
            </li>
          ))}
        </ul>
      )}
      {described.detail && fields.length === 0 && <p className="detail">{described.detail}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          <FormattedMessage id="common.retry" />
        </button>
      )}
    </div>
  );
}
