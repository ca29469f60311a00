import { useId } from 'react';
import { useIntl } from 'react-intl';

/** "On behalf of <organisation>", offered only to the organisations' representatives; empty means personally. */
export function OnBehalfSelect({
  organizations,
  value,
  onChange,
}: {
  readonly organizations: readonly { readonly id: string; readonly name: string }[];
  readonly value: string;
  readonly onChange: (organizationId: string) => void;
}) {
  const intl = useIntl();
  const id = useId();
  if (organizations.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{intl.formatMessage({ id: 'annotations.onBehalf.label' })}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{intl.formatMessage({ id: 'annotations.onBehalf.personal' })}</option>
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {intl.formatMessage({ id: 'annotations.onBehalf.organization' }, { name: organization.name })}
          </option>
        ))}
      </select>
    </div>
  );
}
