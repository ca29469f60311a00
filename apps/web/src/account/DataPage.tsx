import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../annotations/announce';
import { AccountPage } from './AccountPage';
import { DeleteAccount } from './DeleteAccount';
import { downloadPersonalData, PersonalDataError } from './personal-data';
import { BusyButton } from '../ui/BusyButton';

/** One's personal data: download all of it, or delete one's account. */
export function DataPage() {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<number | null>(null);

  async function download() {
    setBusy(true);
    setFailed(null);
    try {
      await downloadPersonalData();
      announce(intl.formatMessage({ id: 'account.data.downloaded' }));
    } catch (caught) {
      setFailed(caught instanceof PersonalDataError ? caught.status : 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AccountPage titleId="account.data.title">
      <section className="account-section" aria-labelledby="download-title">
        <h2 id="download-title">
          <FormattedMessage id="account.data.downloadTitle" />
        </h2>
        <p>
          <FormattedMessage id="account.data.downloadExplanation" />
        </p>
        <BusyButton type="button" className="primary" busy={busy} onClick={() => void download()}>
          <FormattedMessage id="account.data.download" />
        </BusyButton>
        {failed !== null && (
          <div className="state state-error" role="alert">
            <p>
              <FormattedMessage id={failed === 0 ? 'errors.NETWORK' : 'account.data.downloadFailed'} />
            </p>
          </div>
        )}
      </section>
      <DeleteAccount />
    </AccountPage>
  );
}
