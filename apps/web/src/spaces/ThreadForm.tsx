import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { announce } from '../annotations/announce';
import { useDraft } from '../annotations/drafts';
import { MarkdownField } from '../annotations/MarkdownField';
import { OnBehalfSelect } from '../annotations/OnBehalfSelect';
import { useAnnotationViewer } from '../annotations/viewer';
import { CreateThreadDocument } from '../graphql/generated/graphql';
import { parseTags } from './tags';
import { DraftRestored } from '../ui/DraftRestored';
import { FormFooter } from '../ui/FormFooter';

export interface ThreadCitation {
  readonly documentId: string;
  readonly versionNumber: number;
  readonly sectionKey: string;
  /** The article's heading and the document's reference, as the reader shows them. */
  readonly heading: string;
  readonly documentLabel: string;
}

export interface ThreadFormProps {
  /** The spaces one may start a thread in; a single one is chosen already. */
  readonly spaces: readonly { readonly id: string; readonly name: string }[];
  readonly citation: ThreadCitation | null;
  readonly onCreated: (threadId: string) => void;
  readonly onCancel: () => void;
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u;

/** Why the typed tags would be refused (the API's rule: words of letters, digits and hyphens, at most 10). */
function tagsProblem(text: string): 'format' | 'count' | null {
  const tags = parseTags(text);
  if (tags.some((tag) => tag.length > 40 || !TAG.test(tag))) return 'format';
  return tags.length > 10 ? 'count' : null;
}

/**
 * Starts a thread in a space: title, Markdown body, tags, "on behalf of", and the article it cites when it was
 * started from the reader. Kept as a draft until posted; an API error keeps everything typed.
 */
export function ThreadForm({ spaces, citation, onCreated, onCancel }: ThreadFormProps) {
  const intl = useIntl();
  const id = useId();
  const { representedOrganizations } = useAnnotationViewer();
  const single = spaces.length === 1 ? spaces[0]! : null;
  const draft = useDraft(
    `thread:${single?.id ?? 'any'}:${citation ? `${citation.documentId}:${citation.sectionKey}` : 'none'}`,
    { spaceId: single?.id ?? '', title: '', body: '', tags: '', onBehalfOf: '' },
  );
  const [cited, setCited] = useState(citation !== null);
  const [checked, setChecked] = useState(false);
  const spaceRef = useRef<HTMLSelectElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  const [create, { loading, error }] = useMutation(CreateThreadDocument);
  useEffect(() => (single ? titleRef.current : spaceRef.current)?.focus(), [single]);

  const spaceId = single?.id ?? draft.value.spaceId;
  const missing = {
    space: checked && !spaces.some((space) => space.id === spaceId),
    title: checked && !draft.value.title.trim(),
    body: checked && !draft.value.body.trim(),
  };
  const tagProblem = checked ? tagsProblem(draft.value.tags) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const firstInvalid = !spaces.some((space) => space.id === spaceId)
      ? spaceRef.current
      : !draft.value.title.trim()
        ? titleRef.current
        : !draft.value.body.trim()
          ? bodyRef.current
          : tagsProblem(draft.value.tags)
            ? tagsRef.current
            : null;
    if (firstInvalid) return firstInvalid.focus();
    try {
      const { data } = await create({
        variables: {
          input: {
            spaceId,
            title: draft.value.title.trim(),
            body: draft.value.body,
            tags: parseTags(draft.value.tags),
            citation:
              cited && citation
                ? {
                    documentId: citation.documentId,
                    versionNumber: citation.versionNumber,
                    sectionKey: citation.sectionKey,
                  }
                : null,
            onBehalfOfOrganizationId: draft.value.onBehalfOf || null,
          },
        },
      });
      const thread = data?.createThread.thread;
      if (!thread) return;
      draft.clear();
      announce(intl.formatMessage({ id: 'spaces.form.created' }));
      onCreated(thread.id);
    } catch {
      announce(intl.formatMessage({ id: 'spaces.form.failed' }));
    }
  }

  const described = (field: string, on: boolean) => (on ? `${id}-${field}-error` : undefined);

  return (
    <form className="thread-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        <FormattedMessage id="spaces.thread.new" />
      </h2>
      <DraftRestored draft={draft} />
      {single ? (
        <p>
          <FormattedMessage id="spaces.form.inSpace" values={{ name: <bdi>{single.name}</bdi> }} />
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-space`}>
            <FormattedMessage id="spaces.form.space" />
          </label>
          <select
            id={`${id}-space`}
            ref={spaceRef}
            value={draft.value.spaceId}
            aria-invalid={missing.space || undefined}
            aria-describedby={described('space', missing.space)}
            onChange={(event) => draft.update({ spaceId: event.target.value })}
          >
            <option value="">{intl.formatMessage({ id: 'spaces.form.chooseSpace' })}</option>
            {spaces.map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </select>
          {missing.space && (
            <p id={`${id}-space-error`} className="field-error">
              <FormattedMessage id="spaces.form.spaceRequired" />
            </p>
          )}
        </div>
      )}
      {citation && (
        <fieldset className="citation-choice">
          <legend>
            <FormattedMessage id="spaces.form.citation" />
          </legend>
          {cited ? (
            <p>
              <FormattedMessage
                id="spaces.form.cites"
                values={{
                  article: <bdi>{citation.heading}</bdi>,
                  document: <bdi>{citation.documentLabel}</bdi>,
                  version: citation.versionNumber,
                }}
              />{' '}
              <button type="button" className="link" onClick={() => setCited(false)}>
                <FormattedMessage id="spaces.form.removeCitation" />
              </button>
            </p>
          ) : (
            <p>
              <FormattedMessage id="spaces.form.noCitation" />{' '}
              <button type="button" className="link" onClick={() => setCited(true)}>
                <FormattedMessage id="spaces.form.restoreCitation" />
              </button>
            </p>
          )}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-thread-title`}>
          <FormattedMessage id="spaces.form.title" />
        </label>
        <input
          id={`${id}-thread-title`}
          ref={titleRef}
          value={draft.value.title}
          maxLength={200}
          dir="auto"
          aria-invalid={missing.title || undefined}
          aria-describedby={described('title', missing.title)}
          onChange={(event) => draft.update({ title: event.target.value })}
        />
        {missing.title && (
          <p id={`${id}-title-error`} className="field-error">
            <FormattedMessage id="spaces.form.titleRequired" />
          </p>
        )}
      </div>
      <MarkdownField
        label={intl.formatMessage({ id: 'spaces.form.body' })}
        value={draft.value.body}
        onChange={(body) => draft.update({ body })}
        error={missing.body ? intl.formatMessage({ id: 'spaces.form.bodyRequired' }) : null}
        textareaRef={bodyRef}
        maxLength={20000}
      />
      <p className="hint">
        <FormattedMessage id="spaces.form.mentionLater" />
      </p>
      <div className="field">
        <label htmlFor={`${id}-tags`}>
          <FormattedMessage id="spaces.form.tags" />
        </label>
        <input
          id={`${id}-tags`}
          ref={tagsRef}
          value={draft.value.tags}
          dir="auto"
          aria-invalid={tagProblem ? true : undefined}
          aria-describedby={[`${id}-tags-hint`, described('tags', !!tagProblem) ?? ''].join(' ').trim()}
          onChange={(event) => draft.update({ tags: event.target.value })}
        />
        <p id={`${id}-tags-hint`} className="hint">
          <FormattedMessage id="spaces.form.tagsHint" />
        </p>
        {tagProblem && (
          <p id={`${id}-tags-error`} className="field-error">
            <FormattedMessage id={`spaces.form.tags.${tagProblem}`} />
          </p>
        )}
      </div>
      <OnBehalfSelect
        organizations={representedOrganizations}
        value={draft.value.onBehalfOf}
        onChange={(onBehalfOf) => draft.update({ onBehalfOf })}
      />
      <FormFooter
        error={error}
        busy={loading}
        submitLabel={<FormattedMessage id="spaces.form.post" />}
        onCancel={onCancel}
      />
      {!citation && (
        <p className="hint">
          <FormattedMessage
            id="spaces.form.citeHint"
            values={{
              reader: (chunks) => <Link to="/">{chunks}</Link>,
            }}
          />
        </p>
      )}
    </form>
  );
}
