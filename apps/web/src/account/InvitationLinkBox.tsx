import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../annotations/announce';
import { invitationLink } from './invitation-link';

/** An invitation's link, shown once after inviting or resending, to pass on to the invitee. */
export function InvitationLinkBox({ email, token }: { email: string; token: string }) {
  const intl = useIntl();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const link = invitationLink(token);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      announce(intl.formatMessage({ id: 'account.invite.copied' }));
    } catch {
      (document.getElementById(`${id}-link`) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className="invitation-link" data-testid="invitation-link">
      <label htmlFor={`${id}-link`}>
        <FormattedMessage id="account.invite.linkLabel" values={{ email: <bdi>{email}</bdi> }} />
      </label>
      <input id={`${id}-link`} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
      <p className="hint">
        <FormattedMessage id="account.invite.linkHint" />
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          <FormattedMessage id={copied ? 'account.invite.copied' : 'account.invite.copy'} />
        </button>
      </div>
    </div>
  );
}
