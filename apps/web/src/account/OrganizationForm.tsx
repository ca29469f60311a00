import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { errorCodeOf } from '../app/errors';
import { announce } from '../annotations/announce';
import { useDraft } from '../annotations/drafts';
import { UpdateOrganizationDocument, type EditableOrganizationFragment } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { FieldProblem, invalidProps } from '../ui/field-problem';
import { fieldError } from './account-errors';
import { DraftRestored } from '../ui/DraftRestored';
import { BusyButton } from '../ui/BusyButton';

interface OrganizationDraft {
  readonly name: string;
  readonly acronym: string;
  readonly description: string;
}

export interface OrganizationFormProps {
  readonly organization: EditableOrganizationFragment;
  /** The organisation changed elsewhere since it was read: the caller reads it again (its new version). */
  readonly onConflict: () => void | Promise<unknown>;
  readonly onSaved?: () => void;
}

/**
 * An organisation's name, acronym and description, for its representatives and platform staff. What is typed is a
 * draft (kept in local storage) until saved; on CONFLICT the organisation is read again and the draft stays in the
 * form to check and save again. Render it with `key={organization.version}`: a new version starts from the saved
 * values, unless a draft is kept.
 */
export function OrganizationForm({ organization, onConflict, onSaved }: OrganizationFormProps) {
  const intl = useIntl();
  const id = useId();
  const saved: OrganizationDraft = {
    name: organization.name,
    acronym: organization.acronym ?? '',
    description: organization.description ?? '',
  };
  const draft = useDraft<OrganizationDraft>(`account.organization.${organization.id}`, saved);
  const [error, setError] = useState<unknown>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const [update, { loading }] = useMutation(UpdateOrganizationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const name = draft.value.name.trim();
    if (!name) {
      setNameMissing(true);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setNameMissing(false);
    try {
      const { data } = await update({
        variables: {
          input: {
            id: organization.id,
            version: organization.version,
            name,
            acronym: draft.value.acronym.trim(),
            description: draft.value.description.trim(),
          },
        },
      });
      if (!data) return;
      draft.clear();
      onSaved?.();
      announce(intl.formatMessage({ id: 'account.organization.saved' }));
    } catch (caught) {
      if (errorCodeOf(caught) === 'CONFLICT') {
        await onConflict();
        return;
      }
      setError(caught);
    }
  }

  const problems = {
    name: nameMissing ? intl.formatMessage({ id: 'account.organization.nameRequired' }) : fieldError(error, 'name'),
    acronym: fieldError(error, 'acronym'),
    description: fieldError(error, 'description'),
  };
  const fieldProblem = Object.values(problems).some(Boolean);
  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="account.organization.formTitle" />
      </h2>
      <DraftRestored draft={draft} />
      <label htmlFor={`${id}-name`}>
        <FormattedMessage id="account.organization.name" />
      </label>
      <input
        id={`${id}-name`}
        type="text"
        maxLength={200}
        required
        dir="auto"
        value={draft.value.name}
        onChange={(e) => {
          draft.update({ name: e.target.value });
          if (e.target.value.trim()) setNameMissing(false);
        }}
        {...invalidProps(`${id}-name`, problems.name)}
      />
      <FieldProblem fieldId={`${id}-name`} problem={problems.name} />
      <label htmlFor={`${id}-acronym`}>
        <FormattedMessage id="account.organization.acronym" />
      </label>
      <input
        id={`${id}-acronym`}
        type="text"
        maxLength={30}
        dir="auto"
        value={draft.value.acronym}
        onChange={(e) => draft.update({ acronym: e.target.value })}
        {...invalidProps(`${id}-acronym`, problems.acronym)}
      />
      <FieldProblem fieldId={`${id}-acronym`} problem={problems.acronym} />
      <label htmlFor={`${id}-description`}>
        <FormattedMessage id="account.organization.description" />
      </label>
      <textarea
        id={`${id}-description`}
        rows={4}
        maxLength={2000}
        dir="auto"
        value={draft.value.description}
        onChange={(e) => draft.update({ description: e.target.value })}
        {...invalidProps(`${id}-description`, problems.description)}
      />
      <FieldProblem fieldId={`${id}-description`} problem={problems.description} />
      {error !== null && !fieldProblem && <ErrorMessage error={error} />}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="account.organization.save" />
        </BusyButton>
      </div>
    </form>
  );
}
