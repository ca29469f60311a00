import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useDraft } from '../annotations/drafts';
import { FormFooter } from '../ui/FormFooter';
import { useConflictingWrite } from '../ui/conflicting-write';
import { BusyButton } from '../ui/BusyButton';

export interface ReasonValues {
  readonly reason: string;
  readonly note: string;
  /** Extra fields of the action (a date), kept in the same draft. */
  readonly extra: string;
}

export interface ReasonFormProps {
  /** Where what is typed is kept until the action succeeded (`console:<action>:<id>`). */
  readonly draftKey: string;
  readonly submitLabel: string;
  /** An optional internal note, seen by moderators only. */
  readonly withNote?: boolean;
  /** Extra fields (e.g. a new deadline), drawn above the reason from the draft's `extra` value. */
  readonly renderExtra?: (value: string, onChange: (value: string) => void, invalid: boolean) => ReactNode;
  /** Whether `extra` is acceptable (required date…); its message id otherwise. */
  readonly checkExtra?: (value: string) => string | null;
  readonly initialExtra?: string;
  readonly onSubmit: (values: ReasonValues) => Promise<void>;
  readonly onCancel: () => void;
  /** Called on CONFLICT (someone else acted first): reload what the action is about; the typed text stays. */
  readonly onConflict?: () => Promise<void> | void;
}

/**
 * An action that takes a reason (required) and an optional note. The text is a draft until the API accepted the
 * action; CONFLICT says another moderator acted first, reloads on request, and keeps the reason to act again.
 */
export function ReasonForm({
  draftKey,
  submitLabel,
  withNote,
  renderExtra,
  checkExtra,
  initialExtra = '',
  onSubmit,
  onCancel,
  onConflict,
}: ReasonFormProps) {
  const intl = useIntl();
  const id = useId();
  const draft = useDraft<ReasonValues>(draftKey, { reason: '', note: '', extra: initialExtra });
  const [checked, setChecked] = useState(false);
  const { busy, error, conflict, attempt, reload: reloadAfter } = useConflictingWrite();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const { reason, note, extra } = draft.value;
  const missingReason = checked && !reason.trim();
  const extraProblem = checked && checkExtra ? checkExtra(extra) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (checkExtra?.(extra)) {
      document.getElementById(`${id}-extra`)?.querySelector<HTMLElement>('input,select,textarea')?.focus();
      return;
    }
    if (!reason.trim()) return reasonRef.current?.focus();
    await attempt(async () => {
      await onSubmit({ reason: reason.trim(), note: note.trim(), extra });
      draft.clear();
    });
  }

  function reload() {
    return reloadAfter(async () => {
      await onConflict?.();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="reason-form">
      {conflict && (
        <div className="conflict" role="alert">
          <p>
            <strong>
              <FormattedMessage id="console.reason.conflict" />
            </strong>
          </p>
          {onConflict && (
            <BusyButton type="button" onClick={reload} busy={busy}>
              <FormattedMessage id="console.reason.reload" />
            </BusyButton>
          )}
        </div>
      )}
      {renderExtra && (
        <div id={`${id}-extra`}>
          {renderExtra(extra, (value) => draft.update({ extra: value }), !!extraProblem)}
          {extraProblem && (
            <p className="field-error" role="alert">
              {intl.formatMessage({ id: extraProblem })}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          <FormattedMessage id="console.reason.reason" />
        </label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={3}
          dir="auto"
          value={reason}
          aria-invalid={missingReason || undefined}
          aria-describedby={missingReason ? `${id}-reason-error` : undefined}
          onChange={(event) => draft.update({ reason: event.target.value })}
        />
        {missingReason && (
          <p id={`${id}-reason-error`} className="field-error">
            <FormattedMessage id="console.reason.required" />
          </p>
        )}
      </div>
      {withNote && (
        <div className="field">
          <label htmlFor={`${id}-note`}>
            <FormattedMessage id="console.reason.note" />
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            dir="auto"
            value={note}
            onChange={(event) => draft.update({ note: event.target.value })}
          />
        </div>
      )}
      <FormFooter error={error} busy={busy} disabled={conflict} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
