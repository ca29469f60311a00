import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSession } from '../app/session';
import { announce } from '../annotations/announce';
import { ChangePasswordDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { fieldError, isWrongPassword } from './account-errors';
import { newPasswordProblem, PASSWORD_MIN_LENGTH } from './NewPasswordField';
import { BusyButton } from '../ui/BusyButton';

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

/**
 * Changing one's password: the current one, the new one twice. Passwords are never kept as drafts (nothing typed
 * here is written to storage); after an error the fields keep their values. Other sessions end, this one goes on.
 */
export function PasswordForm() {
  const intl = useIntl();
  const id = useId();
  const session = useSession();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirmation: '',
  });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirmation: useRef<HTMLInputElement>(null),
  };

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = intl.formatMessage({ id: 'account.password.currentRequired' });
    if (values.newPassword.length < PASSWORD_MIN_LENGTH)
      found.newPassword = intl.formatMessage({ id: 'account.password.tooShort' }, { min: PASSWORD_MIN_LENGTH });
    else if (values.newPassword === values.currentPassword)
      found.newPassword = intl.formatMessage({ id: 'account.password.same' });
    if (values.confirmation !== values.newPassword)
      found.confirmation = intl.formatMessage({ id: 'account.password.mismatch' });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    const found = check();
    setProblems(found);
    const first = (['currentPassword', 'newPassword', 'confirmation'] as const).find((field) => found[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    try {
      const { data } = await changePassword({
        variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      });
      if (!data) return;
      session.replaceViewer(data.changePassword.user);
      setValues({ currentPassword: '', newPassword: '', confirmation: '' });
      setDone(true);
      announce(intl.formatMessage({ id: 'account.password.changed' }));
    } catch (caught) {
      setError(caught);
      if (isWrongPassword(caught)) refs.currentPassword.current?.focus();
      else if (fieldError(caught, 'newPassword')) refs.newPassword.current?.focus();
    }
  }

  const problemOf = (field: Field): string | undefined => {
    if (problems[field]) return problems[field];
    if (field === 'currentPassword' && isWrongPassword(error))
      return intl.formatMessage({ id: 'account.password.wrong' });
    if (field === 'newPassword') return newPasswordProblem(intl, error, 'newPassword');
    return undefined;
  };

  const field = (name: Field, autoComplete: string, hint?: string) => {
    const problem = problemOf(name);
    const describedBy = [problem ? `${id}-${name}-error` : null, hint ? `${id}-${name}-hint` : null]
      .filter(Boolean)
      .join(' ');
    return (
      <>
        <label htmlFor={`${id}-${name}`}>
          <FormattedMessage id={`account.password.${name}`} />
        </label>
        <input
          ref={refs[name]}
          id={`${id}-${name}`}
          type="password"
          autoComplete={autoComplete}
          required
          value={values[name]}
          onChange={(e) => setValues((current) => ({ ...current, [name]: e.target.value }))}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {hint && (
          <p id={`${id}-${name}-hint`} className="hint">
            {hint}
          </p>
        )}
        {problem && (
          <p id={`${id}-${name}-error`} className="field-error">
            {problem}
          </p>
        )}
      </>
    );
  };

  const otherError = error !== null && !isWrongPassword(error) && !fieldError(error, 'newPassword');
  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="account.password.formTitle" />
      </h2>
      {field('currentPassword', 'current-password')}
      {field(
        'newPassword',
        'new-password',
        intl.formatMessage({ id: 'account.password.rules' }, { min: PASSWORD_MIN_LENGTH }),
      )}
      {field('confirmation', 'new-password')}
      {otherError && <ErrorMessage error={error} />}
      {done && (
        <p className="banner banner-warning" role="status">
          <FormattedMessage id="account.password.changed" />
        </p>
      )}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="account.password.submit" />
        </BusyButton>
      </div>
    </form>
  );
}
