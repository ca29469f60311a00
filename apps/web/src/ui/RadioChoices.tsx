import { FormattedMessage } from 'react-intl';

export interface RadioChoicesProps<T extends string> {
  /** The group's name (unique on the page: from useId) and the prefix of its inputs' ids. */
  readonly name: string;
  readonly choices: readonly T[];
  readonly value: T;
  readonly onChange: (choice: T) => void;
  /** Each choice is labelled by `<messagePrefix>.<choice>` and described by `<messagePrefix>.<choice>.hint`. */
  readonly messagePrefix: string;
}

/**
 * Radio buttons, each with its label and, under it, a hint that describes it (aria-describedby). Arrow keys move
 * and choose, as in any radio group; the caller's fieldset and legend name the group.
 */
export function RadioChoices<T extends string>({
  name,
  choices,
  value,
  onChange,
  messagePrefix,
}: RadioChoicesProps<T>) {
  return (
    <>
      {choices.map((choice) => (
        <div key={choice} className="radio-choice">
          <input
            type="radio"
            id={`${name}-${choice}`}
            name={name}
            value={choice}
            checked={value === choice}
            aria-describedby={`${name}-${choice}-hint`}
            onChange={() => onChange(choice)}
          />
          <label htmlFor={`${name}-${choice}`}>
            <FormattedMessage id={`${messagePrefix}.${choice}`} />
          </label>
          <p id={`${name}-${choice}-hint`} className="hint">
            <FormattedMessage id={`${messagePrefix}.${choice}.hint`} />
          </p>
        </div>
      ))}
    </>
  );
}
