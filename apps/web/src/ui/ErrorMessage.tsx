import { FormattedMessage, useIntl } from 'react-intl';
import { describeError, reasonMessageId } from '../app/errors';

/**
 * An API error in the person's language, with the API's own detail below: the refusal's reason when the client has a
 * message for it (`reasons.json`), else the message of its code (`errors.json`).
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const intl = useIntl();
  const described = describeError(error);
  const known = described.reason ? reasonMessageId(described.reason) : undefined;
  const id = known && Object.hasOwn(intl.messages, known) ? known : `errors.${described.code}`;
  const fields = Object.entries(described.fields ?? {});
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{intl.formatMessage({ id }, { seconds: described.retryAfterSeconds ?? 60 })}</strong>
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
