import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { announce } from '../annotations/announce';
import { usePageTitle } from '../app/page-title';
import {
  type EmailFrequency,
  NotificationSettingsDocument,
  UpdateNotificationSettingsDocument,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { RadioChoices } from '../ui/RadioChoices';
import './notifications.css';
import { BusyButton } from '../ui/BusyButton';

const FREQUENCIES: readonly EmailFrequency[] = ['NONE', 'IMMEDIATE', 'DAILY', 'WEEKLY'];

/** How notifications reach one by e-mail: never, at once, or a daily (default) or weekly digest. */
export function SettingsPage() {
  const intl = useIntl();
  const id = useId();
  usePageTitle(intl.formatMessage({ id: 'notifications.settings.title' }));
  const { data, error, refetch } = useQuery(NotificationSettingsDocument);
  const [choice, setChoice] = useState<EmailFrequency | null>(null);
  const [save, { loading, error: saveError }] = useMutation(UpdateNotificationSettingsDocument);

  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const current = choice ?? data.notificationSettings.emailFrequency;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await save({ variables: { input: { emailFrequency: current } } });
      announce(intl.formatMessage({ id: 'notifications.settings.saved' }));
    } catch {
      // shown below; the choice stays as it was made
    }
  }

  return (
    <div className="notification-settings">
      <h1>
        <FormattedMessage id="notifications.settings.title" />
      </h1>
      <form onSubmit={submit}>
        <fieldset>
          <legend>
            <FormattedMessage id="notifications.settings.frequency" />
          </legend>
          <RadioChoices
            name={`${id}-frequency`}
            choices={FREQUENCIES}
            value={current}
            onChange={setChoice}
            messagePrefix="notifications.frequency"
          />
        </fieldset>
        {saveError && <ErrorMessage error={saveError} />}
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="notifications.settings.save" />
        </BusyButton>
      </form>
      <p>
        <Link to="/notifications">
          <FormattedMessage id="notifications.inbox.back" />
        </Link>
      </p>
    </div>
  );
}
