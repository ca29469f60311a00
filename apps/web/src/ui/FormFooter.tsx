import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from './ErrorMessage';

export interface FormFooterProps {
  /** The API's refusal or failure of the last attempt, shown above the buttons (what was typed stays in the form). */
  readonly error: unknown;
  readonly submitLabel: ReactNode;
  /** While the request runs: the submit button is disabled, so a double click sends nothing twice. */
  readonly busy: boolean;
  readonly onCancel: () => void;
}

/** The end of a form: the error of the last attempt, then its submit button and Cancel. */
export function FormFooter({ error, submitLabel, busy, onCancel }: FormFooterProps) {
  return (
    <>
      {error != null && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </>
  );
}
