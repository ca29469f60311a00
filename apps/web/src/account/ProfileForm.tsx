import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { errorCodeOf } from '../app/errors';
import { useSession } from '../app/session';
import { announce } from '../annotations/announce';
import { useDraft } from '../annotations/drafts';
import { MeDocument, UpdateProfileDocument, type ViewerFragment } from '../graphql/generated/graphql';
import { fromApiLocale, LOCALES, toApiLocale, type AppLocale } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { fieldError } from './account-errors';
import { DisplayNameField } from './DisplayNameField';
import { DraftRestored } from '../ui/DraftRestored';
import { BusyButton } from '../ui/BusyButton';

const LOCALE_NAMES: Record<AppLocale, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

interface ProfileDraft {
  readonly displayName: string;
  readonly locale: string;
}

/**
 * One's display name and language. What is typed is kept as a draft until saved; when the profile changed
 * elsewhere in between (CONFLICT), the latest version is read and the person's values stay in the form (their
 * draft) to save again. Render it with `key={viewer.version}`: a new version starts from the saved values.
 */
export interface ProfileFormProps {
  readonly viewer: ViewerFragment;
  readonly onConflict?: () => void;
  readonly onSaved?: () => void;
}

export function ProfileForm({ viewer, onConflict, onSaved }: ProfileFormProps) {
  const intl = useIntl();
  const id = useId();
  const session = useSession();
  const saved: ProfileDraft = { displayName: viewer.displayName, locale: fromApiLocale(viewer.locale) };
  const draft = useDraft<ProfileDraft>(`account.profile.${viewer.id}`, saved);
  const [error, setError] = useState<unknown>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [updateProfile, { loading, client }] = useMutation(UpdateProfileDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const displayName = draft.value.displayName.trim();
    if (!displayName) {
      setClientError(intl.formatMessage({ id: 'account.profile.nameRequired' }));
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setClientError(null);
    try {
      const { data } = await updateProfile({
        variables: {
          input: {
            displayName,
            locale: toApiLocale(draft.value.locale as AppLocale),
            version: viewer.version,
          },
        },
      });
      if (!data) return;
      draft.clear();
      onSaved?.();
      session.replaceViewer(data.updateProfile.user);
      announce(intl.formatMessage({ id: 'account.profile.saved' }));
    } catch (caught) {
      if (errorCodeOf(caught) !== 'CONFLICT') {
        setError(caught);
        return;
      }
      // Read the profile as it is now (its new version); the draft keeps what the person typed.
      onConflict?.();
      const { data } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
      if (data) session.replaceViewer(data.me);
    }
  }

  const nameProblem = clientError ?? fieldError(error, 'displayName');
  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="account.profile.formTitle" />
      </h2>
      <DraftRestored draft={draft} />
      <label htmlFor={`${id}-email`}>
        <FormattedMessage id="account.profile.email" />
      </label>
      <input
        id={`${id}-email`}
        type="email"
        value={viewer.email ?? ''}
        readOnly
        aria-describedby={`${id}-email-hint`}
      />
      <p id={`${id}-email-hint`} className="hint">
        <FormattedMessage id="account.profile.emailHint" />
      </p>
      <DisplayNameField
        id={`${id}-name`}
        value={draft.value.displayName}
        onChange={(displayName) => draft.update({ displayName })}
        problem={nameProblem}
        hint={<FormattedMessage id="account.profile.displayNameHint" />}
      />
      <label htmlFor={`${id}-locale`}>
        <FormattedMessage id="account.profile.locale" />
      </label>
      <select id={`${id}-locale`} value={draft.value.locale} onChange={(e) => draft.update({ locale: e.target.value })}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      {error !== null && !fieldError(error, 'displayName') && <ErrorMessage error={error} />}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="account.profile.save" />
        </BusyButton>
      </div>
    </form>
  );
}
