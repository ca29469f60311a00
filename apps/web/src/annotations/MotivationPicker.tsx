import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { Motivation } from '../graphql/generated/graphql';
import { MOTIVATIONS, glyphOf } from './motivations';

/** The five motivations as radio buttons, each with its colour and its glyph (the reader's cue other than colour). */
export function MotivationPicker({
  value,
  onChange,
}: {
  readonly value: Motivation;
  readonly onChange: (motivation: Motivation) => void;
}) {
  const intl = useIntl();
  const name = useId();
  return (
    <fieldset className="choice-group motivation-picker">
      <legend>{intl.formatMessage({ id: 'annotations.composer.motivation' })}</legend>
      {MOTIVATIONS.map((motivation) => (
        <label key={motivation} className="choice" data-motivation={motivation}>
          <input
            type="radio"
            name={name}
            value={motivation}
            checked={value === motivation}
            onChange={() => onChange(motivation)}
          />
          <span className="motivation-glyph" aria-hidden="true">
            {glyphOf(motivation)}
          </span>
          {intl.formatMessage({ id: `reader.motivation.${motivation}` })}
        </label>
      ))}
    </fieldset>
  );
}

/** A motivation as a badge: its colour, its glyph and its name. */
export function MotivationBadge({ motivation }: { readonly motivation: Motivation }) {
  const intl = useIntl();
  return (
    <span className="motivation-badge" data-motivation={motivation}>
      <span className="motivation-glyph" aria-hidden="true">
        {glyphOf(motivation)}
      </span>{' '}
      {intl.formatMessage({ id: `reader.motivation.${motivation}` })}
    </span>
  );
}
