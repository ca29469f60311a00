import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { errorCodeOf } from '../app/errors';
import { announce } from '../annotations/announce';
import { fieldError } from './account-errors';
import { ChangeMembershipRoleDocument, type MembershipRole } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { BusyButton } from '../ui/BusyButton';

const ROLES: readonly MembershipRole[] = ['MEMBER', 'REPRESENTATIVE'];

export interface MemberRoleFormProps {
  readonly membershipId: string;
  readonly role: MembershipRole;
  /** The person's name, for the field's label ("Role of …") and the announcement. */
  readonly name: string;
  readonly onChanged?: () => void;
}

/**
 * Changes one person's role in an organisation (representative ⇄ member). Choosing a role does nothing until
 * "Change" is pressed (a select that acted on every arrow key would change roles while reading the options); the
 * API's refusal is said beside the field, which keeps the choice — in particular that an organisation keeps at
 * least one representative (CONFLICT on `role`).
 */
export function MemberRoleForm({ membershipId, role, name, onChanged }: MemberRoleFormProps) {
  const intl = useIntl();
  const id = useId();
  const [chosen, setChosen] = useState<MembershipRole>(role);
  const [error, setError] = useState<unknown>(null);
  const [change, { loading }] = useMutation(ChangeMembershipRoleDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (chosen === role) return;
    try {
      await change({ variables: { input: { membershipId, role: chosen } } });
      announce(
        intl.formatMessage(
          { id: 'account.members.roleChanged' },
          { name, role: intl.formatMessage({ id: `account.role.${chosen}` }) },
        ),
      );
      onChanged?.();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-role`} className="visually-hidden">
        <FormattedMessage id="account.members.roleOf" values={{ name }} />
      </label>
      <select
        id={`${id}-role`}
        value={chosen}
        onChange={(e) => setChosen(e.target.value as MembershipRole)}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: `account.role.${value}` })}
          </option>
        ))}
      </select>{' '}
      <BusyButton
        type="submit"
        disabled={chosen === role}
        busy={loading}
        aria-label={intl.formatMessage({ id: 'account.members.changeRoleOf' }, { name })}
      >
        <FormattedMessage id="account.members.changeRole" />
      </BusyButton>
      {error !== null &&
        (errorCodeOf(error) === 'CONFLICT' && fieldError(error, 'role') ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            <FormattedMessage id="account.members.lastRepresentative" values={{ name }} />
          </p>
        ) : (
          <div id={`${id}-error`}>
            <ErrorMessage error={error} />
          </div>
        ))}
    </form>
  );
}
