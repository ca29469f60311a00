import { useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Dialog } from './Dialog';
import { BusyButton } from '../ui/BusyButton';

export interface ConfirmButtonProps {
  /** The button's label, and the confirming button's label in the dialog. */
  readonly label: ReactNode;
  readonly title: ReactNode;
  readonly explanation: ReactNode;
  readonly onConfirm: () => Promise<unknown>;
}

/** A destructive action behind a confirmation dialog; an API error stays in the dialog. */
export function ConfirmButton({ label, title, explanation, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {label}
      </button>
      {open && (
        <Dialog title={title} onClose={() => setOpen(false)} initialFocus={cancelRef}>
          <p>{explanation}</p>
          {error !== null && <ErrorMessage error={error} />}
          <div className="actions">
            <BusyButton type="button" className="danger" onClick={() => void confirm()} busy={busy}>
              {label}
            </BusyButton>
            <button type="button" ref={cancelRef} onClick={() => setOpen(false)}>
              <FormattedMessage id="common.cancel" />
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
