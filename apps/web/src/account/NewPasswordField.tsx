import type { ReactNode, Ref } from 'react';
import type { IntlShape } from 'react-intl';
import { FieldProblem, problemId } from '../ui/field-problem';
import { fieldError, passwordProblemId } from './account-errors';

/** The API's rule (password-rules.ts): said in hints and checked before sending. */
export const PASSWORD_MIN_LENGTH = 12;

/**
 * The API's refusal of a new password on `field` (too short, common or breached, personal, …) in the person's
 * language; an unknown reason is quoted.
 */
export function newPasswordProblem(intl: IntlShape, error: unknown, field: string): string | undefined {
  const reason = fieldError(error, field);
  if (!reason) return undefined;
  const known = passwordProblemId(reason);
  return known
    ? intl.formatMessage({ id: known }, { min: PASSWORD_MIN_LENGTH })
    : intl.formatMessage({ id: 'account.password.refused' }, { reason });
}

export interface NewPasswordFieldProps {
  /** The input's id; its hint and problem derive from it. */
  readonly id: string;
  readonly label: ReactNode;
  /** What a good password is (always read by screen readers with the field). */
  readonly hint: ReactNode;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem: string | undefined;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** `new-password` by default; `current-password` when the field may also take an existing account's password. */
  readonly autoComplete?: 'new-password' | 'current-password';
}

/**
 * One field for choosing a password (accepting an invitation, resetting one's password): label, the rules as a
 * hint, and the problem right under it, both tied to the field. The value is never kept as a draft.
 */
export function NewPasswordField({
  id,
  label,
  hint,
  value,
  onChange,
  problem,
  inputRef,
  autoComplete = 'new-password',
}: NewPasswordFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        autoComplete={autoComplete}
        required
        dir="ltr"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${hintId} ${problemId(id)}` : hintId}
      />
      <p id={hintId} className="hint">
        {hint}
      </p>
      <FieldProblem fieldId={id} problem={problem} />
    </>
  );
}
