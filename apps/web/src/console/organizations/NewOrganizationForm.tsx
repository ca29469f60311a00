import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { fieldError } from '../../account/account-errors';
import { announce } from '../../annotations/announce';
import { useDraft } from '../../annotations/drafts';
import { CreateOrganizationDocument, type OrganizationKind } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FieldProblem, invalidProps } from '../../ui/field-problem';
import { BusyButton } from '../../ui/BusyButton';

const KINDS: readonly OrganizationKind[] = ['COMPANY', 'FEDERATION', 'INSTITUTION', 'MINISTRY'];

interface OrganizationDraft {
  readonly name: string;
  readonly acronym: string;
  readonly kind: OrganizationKind;
  readonly ice: string;
  readonly description: string;
}

const EMPTY: OrganizationDraft = { name: '', acronym: '', kind: 'COMPANY', ice: '', description: '' };

/**
 * Registers an organisation (platform staff). What is typed is kept as a draft until created; a refusal is said on
 * its field and the values stay.
 */
export function NewOrganizationForm({ onCreated }: { readonly onCreated?: (id: string) => void }) {
  const intl = useIntl();
  const t = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: key }, values);
  const id = useId();
  const draft = useDraft<OrganizationDraft>('console:organization:new', EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ name?: boolean; ice?: boolean }>({});
  const [create, { loading }] = useMutation(CreateOrganizationDocument, { refetchQueries: ['ConsoleOrganizations'] });
  const value = draft.value;
  const company = value.kind === 'COMPANY';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const name = value.name.trim();
    const ice = value.ice.trim();
    const problems = { name: !name, ice: company && !ice };
    setMissing(problems);
    if (problems.name || problems.ice) {
      document.getElementById(problems.name ? `${id}-name` : `${id}-ice`)?.focus();
      return;
    }
    try {
      const { data } = await create({
        variables: {
          input: {
            name,
            kind: value.kind,
            ...(value.acronym.trim() ? { acronym: value.acronym.trim() } : {}),
            ...(company ? { ice } : {}),
            ...(value.description.trim() ? { description: value.description.trim() } : {}),
          },
        },
      });
      if (!data) return;
      draft.clear();
      setMissing({});
      announce(t('console.orgs.created', { name }));
      onCreated?.(data.createOrganization.organization.id);
    } catch (caught) {
      setError(caught);
    }
  }

  const nameProblem = missing.name ? t('console.orgs.nameRequired') : fieldError(error, 'name');
  const iceProblem = missing.ice ? t('console.orgs.iceRequired') : fieldError(error, 'ice');
  const acronymProblem = fieldError(error, 'acronym');

  return (
    <form className="console-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('console.orgs.new')}</h3>
      <label htmlFor={`${id}-kind`}>{t('console.orgs.kind')}</label>
      <select
        id={`${id}-kind`}
        value={value.kind}
        onChange={(event) => draft.update({ kind: event.target.value as OrganizationKind })}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`console.kind.${kind}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>{t('console.orgs.name')}</label>
      <input
        id={`${id}-name`}
        type="text"
        required
        maxLength={200}
        value={value.name}
        onChange={(event) => draft.update({ name: event.target.value })}
        {...invalidProps(`${id}-name`, nameProblem)}
      />
      <FieldProblem fieldId={`${id}-name`} problem={nameProblem} />
      <label htmlFor={`${id}-acronym`}>{t('console.orgs.acronym')}</label>
      <input
        id={`${id}-acronym`}
        type="text"
        maxLength={40}
        value={value.acronym}
        onChange={(event) => draft.update({ acronym: event.target.value })}
        {...invalidProps(`${id}-acronym`, acronymProblem)}
      />
      <FieldProblem fieldId={`${id}-acronym`} problem={acronymProblem} />
      {company && (
        <>
          <label htmlFor={`${id}-ice`}>{t('console.orgs.ice')}</label>
          <input
            id={`${id}-ice`}
            type="text"
            inputMode="numeric"
            dir="ltr"
            required
            maxLength={15}
            value={value.ice}
            onChange={(event) => draft.update({ ice: event.target.value })}
            {...(iceProblem ? invalidProps(`${id}-ice`, iceProblem) : { 'aria-describedby': `${id}-ice-hint` })}
          />
          {iceProblem ? (
            <FieldProblem fieldId={`${id}-ice`} problem={iceProblem} />
          ) : (
            <p id={`${id}-ice-hint`} className="hint">
              {t('console.orgs.iceHint')}
            </p>
          )}
        </>
      )}
      <label htmlFor={`${id}-description`}>{t('console.orgs.description')}</label>
      <textarea
        id={`${id}-description`}
        rows={3}
        value={value.description}
        onChange={(event) => draft.update({ description: event.target.value })}
      />
      {error !== null && !nameProblem && !iceProblem && !acronymProblem && <ErrorMessage error={error} />}
      <BusyButton type="submit" busy={loading}>
        {t('console.orgs.create')}
      </BusyButton>
    </form>
  );
}
