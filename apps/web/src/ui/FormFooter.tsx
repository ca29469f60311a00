import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from './ErrorMessage';
import { BusyButton } from './BusyButton';

export interface FormFooterProps {
  /** The API's refusal or failure of the last attempt, shown above the buttons (what was typed stays in the form). */
  readonly error: unknown;
  readonly submitLabel: ReactNode;
  /**
   * While the request runs: the submit button does nothing, so a double click sends nothing twice; it keeps the
   * keyboard's focus (BusyButton).
   */
  readonly busy: boolean;
  /** While the form may not be sent (say, an edit conflict to resolve first): the submit button does nothing. */
  readonly disabled?: boolean;
  readonly onCancel: () => void;
}

/** The end of a form: the error of the last attempt, then its submit button and Cancel. */
export function FormFooter({ error, submitLabel, busy, disabled = false, onCancel }: FormFooterProps) {
  return (
    <>
      {error != null && <ErrorMessage error={error} />}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={busy} disabled={disabled}>
          {submitLabel}
        </BusyButton>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </>
  );
}
