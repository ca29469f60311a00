import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSession } from '../app/session';
import { Dialog } from '../annotations/Dialog';
import { DeleteMyAccountDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { isWrongPassword } from './account-errors';
import { BusyButton } from '../ui/BusyButton';

/** What deleting one's account erases and what it keeps (personal-data.service.ts and the areas' registrations). */
export function StaysAndGoes() {
  return (
    <div className="stays-goes">
      <div>
        <h3>
          <FormattedMessage id="account.delete.goesTitle" />
        </h3>
        <ul>
          <li>
            <FormattedMessage id="account.delete.goes.identity" />
          </li>
          <li>
            <FormattedMessage id="account.delete.goes.memberships" />
          </li>
          <li>
            <FormattedMessage id="account.delete.goes.sessions" />
          </li>
          <li>
            <FormattedMessage id="account.delete.goes.traces" />
          </li>
        </ul>
      </div>
      <div>
        <h3>
          <FormattedMessage id="account.delete.staysTitle" />
        </h3>
        <ul>
          <li>
            <FormattedMessage id="account.delete.stays.content" />
          </li>
          <li>
            <FormattedMessage id="account.delete.stays.contributions" />
          </li>
          <li>
            <FormattedMessage id="account.delete.stays.records" />
          </li>
        </ul>
      </div>
    </div>
  );
}

/**
 * Deleting one's account: a dialog that says again what goes and what stays, asks for the password and for a
 * ticked confirmation, and signs out on success. A wrong password is said on its field (and counted, as sign-in).
 */
export function DeleteAccount() {
  const intl = useIntl();
  const id = useId();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [deleteMyAccount, { loading }] = useMutation(DeleteMyAccountDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!password) {
      setProblem(intl.formatMessage({ id: 'account.delete.passwordRequired' }));
      passwordRef.current?.focus();
      return;
    }
    if (!understood) {
      setProblem(intl.formatMessage({ id: 'account.delete.confirmRequired' }));
      document.getElementById(`${id}-understood`)?.focus();
      return;
    }
    setProblem(null);
    try {
      const { data } = await deleteMyAccount({ variables: { input: { password } } });
      if (data?.deleteMyAccount.deleted) session.end('ACCOUNT_DELETED');
    } catch (caught) {
      setError(caught);
      if (isWrongPassword(caught)) passwordRef.current?.focus();
    }
  }

  const passwordProblem =
    (problem && !password ? problem : null) ??
    (isWrongPassword(error) ? intl.formatMessage({ id: 'account.password.wrong' }) : null);
  const confirmProblem = problem && password && !understood ? problem : null;
  return (
    <section className="account-section danger-zone" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="account.delete.title" />
      </h2>
      <StaysAndGoes />
      <p>
        <FormattedMessage id="account.delete.downloadFirst" />
      </p>
      <button type="button" className="danger" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <FormattedMessage id="account.delete.open" />
      </button>
      {open && (
        <Dialog
          title={<FormattedMessage id="account.delete.dialogTitle" />}
          onClose={() => setOpen(false)}
          initialFocus={cancelRef}
        >
          <form className="account-form" onSubmit={submit} noValidate>
            <StaysAndGoes />
            <label htmlFor={`${id}-password`}>
              <FormattedMessage id="account.delete.password" />
            </label>
            <input
              ref={passwordRef}
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={passwordProblem ? true : undefined}
              aria-describedby={passwordProblem ? `${id}-password-error` : undefined}
            />
            {passwordProblem && (
              <p id={`${id}-password-error`} className="field-error">
                {passwordProblem}
              </p>
            )}
            <label className="inline" htmlFor={`${id}-understood`}>
              <input
                id={`${id}-understood`}
                type="checkbox"
                checked={understood}
                onChange={(e) => setUnderstood(e.target.checked)}
                aria-invalid={confirmProblem ? true : undefined}
                aria-describedby={confirmProblem ? `${id}-understood-error` : undefined}
              />{' '}
              <FormattedMessage id="account.delete.understood" />
            </label>
            {confirmProblem && (
              <p id={`${id}-understood-error`} className="field-error">
                {confirmProblem}
              </p>
            )}
            {error !== null && !isWrongPassword(error) && <ErrorMessage error={error} />}
            <div className="actions">
              <BusyButton type="submit" className="danger" busy={loading}>
                <FormattedMessage id="account.delete.confirm" />
              </BusyButton>
              <button type="button" ref={cancelRef} onClick={() => setOpen(false)}>
                <FormattedMessage id="common.cancel" />
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}
