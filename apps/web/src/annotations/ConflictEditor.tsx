import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorMessage } from '../ui/ErrorMessage';
import { announce } from './announce';
import { useDraft } from './drafts';
import { MarkdownField } from './MarkdownField';
import type { MentionSource } from './mentions';
import { DraftRestored } from '../ui/DraftRestored';
import { useConflictingWrite } from '../ui/conflicting-write';
import { BusyButton } from '../ui/BusyButton';

export type EditValues = Record<string, string>;

export interface EditField {
  readonly name: string;
  readonly label: string;
  /** Markdown with a preview (the body), or plain text (a proposed wording). */
  readonly markdown?: boolean;
  readonly required?: boolean;
  /** A Markdown field that proposes people to mention (those who can read the conversation). */
  readonly mentions?: MentionSource;
}

export interface ConflictEditorProps {
  /** Where the draft of this edit is kept (e.g. `edit:annotation:<id>`). */
  readonly draftKey: string;
  readonly fields: readonly EditField[];
  /** The text as it was when the person started editing. */
  readonly initial: EditValues;
  /** The version the edit is based on; the API answers CONFLICT when it is stale. */
  readonly version: number;
  readonly save: (values: EditValues, version: number) => Promise<unknown>;
  /** Reads the latest text and version from the API. */
  readonly loadLatest: () => Promise<{ values: EditValues; version: number }>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/**
 * Edits authored text against a version. A stale edit (CONFLICT) keeps the person's text, shows what changed
 * meanwhile once they load the latest, and saves their text over that latest version when they confirm.
 */
export function ConflictEditor({
  draftKey,
  fields,
  initial,
  version,
  save,
  loadLatest,
  onDone,
  onCancel,
}: ConflictEditorProps) {
  const intl = useIntl();
  const id = useId();
  const draft = useDraft<EditValues>(draftKey, initial);
  const [baseVersion, setBaseVersion] = useState(version);
  const [latest, setLatest] = useState<EditValues | null>(null);
  const { busy, error, conflict, attempt, reload: reloadAfter } = useConflictingWrite();
  const [checked, setChecked] = useState(false);
  const firstRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const missing = (field: EditField) => checked && field.required && !(draft.value[field.name] ?? '').trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (fields.some((field) => field.required && !(draft.value[field.name] ?? '').trim())) {
      firstRef.current?.focus();
      return;
    }
    await attempt(async () => {
      await save(draft.value, baseVersion);
      draft.clear();
      announce(intl.formatMessage({ id: 'annotations.edit.saved' }));
      onDone();
    });
  }

  function reload() {
    return reloadAfter(async () => {
      const fresh = await loadLatest();
      setLatest(fresh.values);
      setBaseVersion(fresh.version);
      announce(intl.formatMessage({ id: 'annotations.conflict.reloaded' }));
    });
  }

  return (
    <form className="conflict-editor" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        <FormattedMessage id="annotations.edit.title" />
      </h3>
      <DraftRestored draft={draft} />
      {conflict && (
        <div className="conflict" role="alert">
          <p>
            <strong>
              <FormattedMessage id="annotations.conflict.message" />
            </strong>
          </p>
          <BusyButton type="button" onClick={reload} busy={busy}>
            <FormattedMessage id="annotations.conflict.reload" />
          </BusyButton>
        </div>
      )}
      {latest && (
        <section className="latest" aria-labelledby={`${id}-latest`}>
          <h4 id={`${id}-latest`}>
            <FormattedMessage id="annotations.conflict.latest" />
          </h4>
          {fields.map((field) => (
            <blockquote key={field.name} className="quote" dir="auto">
              {latest[field.name] ?? ''}
            </blockquote>
          ))}
          <p className="hint">
            <FormattedMessage id="annotations.conflict.reapplyHint" />
          </p>
          <button type="button" className="link" onClick={() => draft.update(latest)}>
            <FormattedMessage id="annotations.conflict.useLatest" />
          </button>
        </section>
      )}
      {fields.map((field, index) =>
        field.markdown ? (
          <MarkdownField
            key={field.name}
            label={field.label}
            value={draft.value[field.name] ?? ''}
            onChange={(value) => draft.update({ [field.name]: value })}
            error={missing(field) ? intl.formatMessage({ id: 'annotations.edit.required' }) : null}
            textareaRef={index === 0 ? firstRef : undefined}
            mentions={field.mentions}
          />
        ) : (
          <div className="field" key={field.name}>
            <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
            <textarea
              id={`${id}-${field.name}`}
              ref={index === 0 ? firstRef : undefined}
              rows={3}
              value={draft.value[field.name] ?? ''}
              aria-invalid={missing(field) ? true : undefined}
              aria-describedby={missing(field) ? `${id}-${field.name}-error` : undefined}
              onChange={(event) => draft.update({ [field.name]: event.target.value })}
            />
            {missing(field) && (
              <p id={`${id}-${field.name}-error`} className="field-error">
                <FormattedMessage id="annotations.edit.required" />
              </p>
            )}
          </div>
        ),
      )}
      {error !== null && <ErrorMessage error={error} />}
      <div className="actions">
        <BusyButton type="submit" className="primary" disabled={conflict} busy={busy}>
          <FormattedMessage id={latest ? 'annotations.conflict.reapply' : 'annotations.edit.save'} />
        </BusyButton>
        <button
          type="button"
          onClick={() => {
            draft.clear();
            onCancel();
          }}
        >
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </form>
  );
}
