import type { ReactNode, Ref } from 'react';
import { FormattedMessage } from 'react-intl';
import { FieldProblem, problemId } from '../ui/field-problem';

export interface DisplayNameFieldProps {
  /** The input's id; its hint and problem derive from it. */
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem: string | undefined;
  /** Shown under the field while it has no problem, and read with it. */
  readonly hint?: ReactNode;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * The name a person shows to others (their profile, accepting an invitation): label, the field (120 characters at
 * most, required), and under it the problem, or else the hint; either is tied to the field.
 */
export function DisplayNameField({ id, value, onChange, problem, hint, inputRef }: DisplayNameFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <>
      <label htmlFor={id}>
        <FormattedMessage id="account.profile.displayName" />
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        autoComplete="name"
        maxLength={120}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId(id) : hint ? hintId : undefined}
      />
      {problem ? (
        <FieldProblem fieldId={id} problem={problem} />
      ) : (
        hint && (
          <p id={hintId} className="hint">
            {hint}
          </p>
        )
      )}
    </>
  );
}
