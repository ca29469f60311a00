import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { AnnotationVisibility } from '../graphql/generated/graphql';

/** Who will see it: everyone, or only the author's organisation (and the ministry's moderators). */
export function VisibilityPicker({
  value,
  onChange,
  organizationAllowed,
}: {
  readonly value: AnnotationVisibility;
  readonly onChange: (visibility: AnnotationVisibility) => void;
  /** ORGANIZATION only makes sense for members of an organisation. */
  readonly organizationAllowed: boolean;
}) {
  const intl = useIntl();
  const name = useId();
  const choices: AnnotationVisibility[] = organizationAllowed ? ['PUBLIC', 'ORGANIZATION'] : ['PUBLIC'];
  return (
    <fieldset className="choice-group">
      <legend>{intl.formatMessage({ id: 'annotations.composer.visibility' })}</legend>
      {choices.map((choice) => (
        <label key={choice} className="choice">
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          {intl.formatMessage({ id: `reader.visibility.${choice}` })}
          <span className="choice-hint">{intl.formatMessage({ id: `annotations.visibilityHint.${choice}` })}</span>
        </label>
      ))}
    </fieldset>
  );
}
