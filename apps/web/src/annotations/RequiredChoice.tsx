import type { ReactNode } from 'react';

/**
 * A required choice as radio buttons in a fieldset: the legend, one labelled radio per choice, and, once the person
 * tried to go on without choosing, the error announced with the group (aria-invalid, aria-describedby). The radios
 * are `${idPrefix}-${choice}`, so a form can focus the first one; the error is `${idPrefix}-error`.
 */
export function RequiredChoice<T extends string>({
  idPrefix,
  legend,
  choices,
  value,
  onChange,
  labelOf,
  missing,
  missingMessage,
}: {
  readonly idPrefix: string;
  readonly legend: ReactNode;
  readonly choices: readonly T[];
  readonly value: T | null | undefined;
  readonly onChange: (choice: T) => void;
  readonly labelOf: (choice: T) => string;
  readonly missing: boolean;
  readonly missingMessage: ReactNode;
}) {
  return (
    <fieldset
      className="choice-group"
      aria-invalid={missing || undefined}
      aria-describedby={missing ? `${idPrefix}-error` : undefined}
    >
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} className="choice">
          <input
            id={`${idPrefix}-${choice}`}
            type="radio"
            name={idPrefix}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {labelOf(choice)}
        </label>
      ))}
      {missing && (
        <p id={`${idPrefix}-error`} className="field-error">
          {missingMessage}
        </p>
      )}
    </fieldset>
  );
}
