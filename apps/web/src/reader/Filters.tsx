import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AnnotationFilterInput } from '../graphql/generated/graphql';
import type { ReaderAnnotation } from './use-annotations';
import { MOTIVATIONS } from './highlight-layout';

interface FiltersProps {
  readonly filter: AnnotationFilterInput;
  readonly onChange: (filter: AnnotationFilterInput) => void;
  readonly annotations: readonly ReaderAnnotation[];
}

/** Motivation, organisation, status and visibility: passed to the API's annotation filter. */
export function Filters({ filter, onChange, annotations }: FiltersProps) {
  const intl = useIntl();
  const id = useId();
  const organizations = new Map<string, string>();
  for (const annotation of annotations) {
    if (annotation.organization) organizations.set(annotation.organization.id, annotation.organization.name);
  }
  const set = (key: keyof AnnotationFilterInput, value: string) => onChange({ ...filter, [key]: value || null });
  const all = intl.formatMessage({ id: 'reader.filters.all' });
  return (
    <fieldset className="filters">
      <legend>
        <FormattedMessage id="reader.filters.title" />
      </legend>
      <label htmlFor={`${id}-m`}>
        <FormattedMessage id="reader.filters.motivation" />
      </label>
      <select id={`${id}-m`} value={filter.motivation ?? ''} onChange={(e) => set('motivation', e.target.value)}>
        <option value="">{all}</option>
        {MOTIVATIONS.map((motivation) => (
          <option key={motivation} value={motivation}>
            {intl.formatMessage({ id: `reader.motivation.${motivation}` })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-o`}>
        <FormattedMessage id="reader.filters.organization" />
      </label>
      <select
        id={`${id}-o`}
        value={filter.organizationId ?? ''}
        onChange={(e) => set('organizationId', e.target.value)}
      >
        <option value="">{all}</option>
        {[...organizations].map(([orgId, name]) => (
          <option key={orgId} value={orgId}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-s`}>
        <FormattedMessage id="reader.filters.status" />
      </label>
      <select id={`${id}-s`} value={filter.status ?? ''} onChange={(e) => set('status', e.target.value)}>
        <option value="">{all}</option>
        {(['OPEN', 'ANSWERED', 'RESOLVED'] as const).map((status) => (
          <option key={status} value={status}>
            {intl.formatMessage({ id: `reader.status.${status}` })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-v`}>
        <FormattedMessage id="reader.filters.visibility" />
      </label>
      <select id={`${id}-v`} value={filter.visibility ?? ''} onChange={(e) => set('visibility', e.target.value)}>
        <option value="">{all}</option>
        {(['PUBLIC', 'ORGANIZATION'] as const).map((visibility) => (
          <option key={visibility} value={visibility}>
            {intl.formatMessage({ id: `reader.visibility.${visibility}` })}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
