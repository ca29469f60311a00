import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from './ErrorMessage';

export interface FormFooterProps {
  /** The API's refusal or failure of the last attempt, shown above the buttons (what was typed stays in the form). */
  readonly error: unknown;
  readonly submitLabel: ReactNode;
  /**
   * While the request runs (or while the form may not be sent): the submit button does nothing, so a double click
   * sends nothing twice. It is aria-disabled, not disabled, so that it keeps the keyboard's focus: a disabled button
   * drops it to the page's body, and the person must find their way back to the form.
   */
  readonly busy: boolean;
  readonly onCancel: () => void;
}

/** The end of a form: the error of the last attempt, then its submit button and Cancel. */
export function FormFooter({ error, submitLabel, busy, onCancel }: FormFooterProps) {
  return (
    <>
      {error != null && <ErrorMessage error={error} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          aria-disabled={busy}
          // Cancelling the click cancels the submission, Enter in a field included (implicit submission clicks it).
          onClick={(event) => busy && event.preventDefault()}
        >
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </>
  );
}
