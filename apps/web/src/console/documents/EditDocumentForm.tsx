import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { fieldError } from '../../account/account-errors';
import { errorCodeOf } from '../../app/errors';
import { announce } from '../../annotations/announce';
import { useDraft } from '../../annotations/drafts';
import {
  UpdateDocumentDocument,
  type DocumentStatus,
  type EditableDocumentFragment,
} from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FieldProblem, invalidProps } from '../../ui/field-problem';
import { toLocalInput } from '../consultations/builder-model';
import { DraftRestored } from '../../ui/DraftRestored';
import { BusyButton } from '../../ui/BusyButton';

const STATUSES: readonly DocumentStatus[] = ['DRAFT', 'OPEN_FOR_COMMENT', 'CLOSED', 'ADOPTED'];

interface DocumentDraft {
  readonly title: string;
  readonly status: DocumentStatus;
  /** `datetime-local` values in the person's time zone; empty for "no bound". */
  readonly opensAt: string;
  readonly closesAt: string;
}

const localOf = (iso: string | null | undefined) => (iso ? toLocalInput(new Date(iso)) : '');
const isoOf = (local: string) => (local ? new Date(local).toISOString() : null);

export interface EditDocumentFormProps {
  readonly document: EditableDocumentFragment;
  /** The document changed elsewhere since it was read: the caller reads it again (its new version). */
  readonly onConflict: () => void | Promise<unknown>;
  readonly onSaved?: () => void;
}

/**
 * A document's title, status and comment window (the ministry's moderators). The window's times are typed in the
 * person's time zone and sent as instants; the server judges by its own clock. What is typed is a draft until
 * saved; a stale version (CONFLICT) reads the document again and keeps the draft. Render it with
 * `key={document.version}`.
 */
export function EditDocumentForm({ document: doc, onConflict, onSaved }: EditDocumentFormProps) {
  const intl = useIntl();
  const t = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
  const id = useId();
  const saved: DocumentDraft = {
    title: doc.title,
    status: doc.status,
    opensAt: localOf(doc.commentsOpenAt),
    closesAt: localOf(doc.commentsCloseAt),
  };
  const draft = useDraft<DocumentDraft>(`console:document:${doc.id}`, saved);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof DocumentDraft, string>>>({});
  const [update, { loading }] = useMutation(UpdateDocumentDocument);
  const value = draft.value;
  const unpublished = !doc.latestVersion;

  function check(): Partial<Record<keyof DocumentDraft, string>> {
    const found: Partial<Record<keyof DocumentDraft, string>> = {};
    if (!value.title.trim()) found.title = t('console.documents.titleRequired');
    if (unpublished && value.status !== 'DRAFT') found.status = t('console.documents.edit.publishFirst');
    if (value.opensAt && value.closesAt && new Date(value.closesAt) <= new Date(value.opensAt))
      found.closesAt = t('console.documents.edit.closeAfterOpen');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found = check();
    setProblems(found);
    const first = (['title', 'status', 'closesAt'] as const).find((field) => found[field]);
    if (first) {
      window.document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    try {
      const { data } = await update({
        variables: {
          input: {
            id: doc.id,
            version: doc.version,
            title: value.title.trim(),
            status: value.status,
            commentsOpenAt: isoOf(value.opensAt),
            commentsCloseAt: isoOf(value.closesAt),
          },
        },
      });
      if (!data) return;
      draft.clear();
      onSaved?.();
      announce(t('console.documents.edit.saved'));
    } catch (caught) {
      // A CONFLICT naming a field is a rule (e.g. opening a document without text), not a stale version.
      if (errorCodeOf(caught) === 'CONFLICT' && !fieldError(caught, 'status')) {
        await onConflict();
        return;
      }
      setError(caught);
    }
  }

  const shown = {
    title: problems.title ?? fieldError(error, 'title'),
    status: problems.status ?? fieldError(error, 'status'),
    opensAt: fieldError(error, 'commentsOpenAt'),
    closesAt: problems.closesAt ?? fieldError(error, 'commentsCloseAt'),
  };
  const fieldProblem = Object.values(shown).some(Boolean);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <form className="console-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('console.documents.edit.formTitle', { reference: doc.reference })}</h2>
      <DraftRestored draft={draft} />
      <label htmlFor={`${id}-title`}>{t('console.documents.title')}</label>
      <input
        id={`${id}-title`}
        type="text"
        required
        maxLength={300}
        value={value.title}
        onChange={(event) => draft.update({ title: event.target.value })}
        {...invalidProps(`${id}-title`, shown.title)}
      />
      <FieldProblem fieldId={`${id}-title`} problem={shown.title} />
      <label htmlFor={`${id}-status`}>{t('console.documents.edit.status')}</label>
      <select
        id={`${id}-status`}
        value={value.status}
        onChange={(event) => draft.update({ status: event.target.value as DocumentStatus })}
        {...(shown.status
          ? invalidProps(`${id}-status`, shown.status)
          : unpublished
            ? { 'aria-describedby': `${id}-status-hint` }
            : {})}
      >
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`reader.documentStatus.${status}`)}
          </option>
        ))}
      </select>
      {shown.status ? (
        <FieldProblem fieldId={`${id}-status`} problem={shown.status} />
      ) : (
        unpublished && (
          <p id={`${id}-status-hint`} className="hint">
            {t('console.documents.edit.publishFirst')}
          </p>
        )
      )}
      <fieldset>
        <legend>{t('console.documents.edit.window')}</legend>
        <p id={`${id}-window-hint`} className="hint">
          {t('console.documents.edit.windowHint', { timeZone })}
        </p>
        <label htmlFor={`${id}-opensAt`}>{t('console.documents.edit.opensAt')}</label>
        <input
          id={`${id}-opensAt`}
          type="datetime-local"
          value={value.opensAt}
          onChange={(event) => draft.update({ opensAt: event.target.value })}
          {...(shown.opensAt
            ? invalidProps(`${id}-opensAt`, shown.opensAt)
            : { 'aria-describedby': `${id}-window-hint` })}
        />
        <FieldProblem fieldId={`${id}-opensAt`} problem={shown.opensAt} />
        <label htmlFor={`${id}-closesAt`}>{t('console.documents.edit.closesAt')}</label>
        <input
          id={`${id}-closesAt`}
          type="datetime-local"
          value={value.closesAt}
          onChange={(event) => draft.update({ closesAt: event.target.value })}
          {...(shown.closesAt
            ? invalidProps(`${id}-closesAt`, shown.closesAt)
            : { 'aria-describedby': `${id}-window-hint` })}
        />
        <FieldProblem fieldId={`${id}-closesAt`} problem={shown.closesAt} />
      </fieldset>
      {error !== null && !fieldProblem && <ErrorMessage error={error} />}
      <BusyButton type="submit" className="primary" busy={loading}>
        {t('console.documents.edit.save')}
      </BusyButton>
    </form>
  );
}
