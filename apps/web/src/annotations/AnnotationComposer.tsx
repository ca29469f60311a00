import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../app/errors';
import { CreateAnnotationDocument, type AnnotationVisibility, type Motivation } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { announce } from './announce';
import { digest, useDraft } from './drafts';
import { MarkdownField, submitOnControlEnter } from './MarkdownField';
import { MotivationPicker } from './MotivationPicker';
import { OnBehalfSelect } from './OnBehalfSelect';
import { VisibilityPicker } from './VisibilityPicker';
import { useAnnotationViewer } from './viewer';
import { WordDiff } from './WordDiff';
import './annotations.css';
import { DraftRestored } from '../ui/DraftRestored';
import { BusyButton } from '../ui/BusyButton';

/** The passage being annotated: W3C TextQuote + TextPosition, in UTF-16 offsets of the version's plain text. */
export interface ComposerTarget {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

export interface AnnotationComposerProps {
  /** The version the passage was selected in. */
  readonly version: { readonly id: string; readonly number: number; readonly documentId: string };
  readonly target: ComposerTarget;
  readonly onPosted: (annotationId: string) => void;
  readonly onCancel: () => void;
}

/** The API's bound on bodies and proposed texts (libs/documents annotation.inputs). */
export const BODY_MAX_LENGTH = 10_000;

interface ComposerDraft {
  motivation: Motivation;
  visibility: AnnotationVisibility;
  body: string;
  suggestedText: string;
  onBehalfOf: string;
}

const EMPTY: ComposerDraft = {
  motivation: 'COMMENTING',
  visibility: 'PUBLIC',
  body: '',
  suggestedText: '',
  onBehalfOf: '',
};

type FieldErrors = Partial<Record<'body' | 'suggestedText', string>>;

/** The form's own checks, as message ids, in the order the fields appear. */
function validate(draft: ComposerDraft, passage: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.body.trim()) errors.body = 'annotations.composer.bodyRequired';
  else if (draft.body.length > BODY_MAX_LENGTH) errors.body = 'annotations.composer.tooLong';
  if (draft.motivation === 'AMENDING') {
    if (!draft.suggestedText.trim()) errors.suggestedText = 'annotations.composer.suggestedRequired';
    else if (draft.suggestedText.length > BODY_MAX_LENGTH) errors.suggestedText = 'annotations.composer.tooLong';
    else if (draft.suggestedText.trim() === passage.trim())
      errors.suggestedText = 'annotations.composer.suggestedUnchanged';
  }
  return errors;
}

/** The draft of a passage: one per version and passage, so selecting the same passage again brings it back. */
export const composerDraftKey = (versionId: string, target: ComposerTarget): string =>
  `annotation:${versionId}:${target.start}-${target.end}:${digest(target.exact)}`;

/** Post an annotation on a selected passage. Whatever is typed is kept as a draft until it is posted. */
export function AnnotationComposer({ version, target, onPosted, onCancel }: AnnotationComposerProps) {
  const intl = useIntl();
  const id = useId();
  const { viewer, representedOrganizations } = useAnnotationViewer();
  const draft = useDraft(composerDraftKey(version.id, target), EMPTY);
  const [checked, setChecked] = useState(false);
  const [create, { loading, error, reset }] = useMutation(CreateAnnotationDocument);
  const posting = useRef(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const suggestedRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Opened from the reader: the form's title takes the focus, so that screen readers announce it and Tab goes on.
  useEffect(() => titleRef.current?.focus(), []);
  const { motivation, visibility, body, suggestedText, onBehalfOf } = draft.value;

  const serverFields = error ? (describeError(error).fields ?? {}) : {};
  const ownErrors = checked ? validate(draft.value, target.exact) : {};
  const messageFor = (field: keyof FieldErrors): string | null => {
    const own = ownErrors[field];
    if (own) return intl.formatMessage({ id: own }, { max: BODY_MAX_LENGTH });
    const fromServer = Object.entries(serverFields).find(([name]) => name.split('.').pop() === field)?.[1];
    return fromServer ?? null;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const errors = validate(draft.value, target.exact);
    if (errors.body) return bodyRef.current?.focus();
    if (errors.suggestedText) return suggestedRef.current?.focus();
    // Once: a second Ctrl+Enter (requestSubmit, which no button's busy state stops) while posting sends nothing.
    if (posting.current) return;
    posting.current = true;
    reset();
    try {
      const { data } = await create({
        variables: {
          input: {
            documentId: version.documentId,
            versionNumber: version.number,
            target: {
              exact: target.exact,
              prefix: target.prefix,
              suffix: target.suffix,
              start: target.start,
              end: target.end,
            },
            motivation,
            visibility,
            body,
            suggestedText: motivation === 'AMENDING' ? suggestedText : null,
            onBehalfOfOrganizationId: onBehalfOf || null,
          },
        },
      });
      if (!data) return;
      draft.clear();
      announce(intl.formatMessage({ id: 'annotations.composer.posted' }));
      onPosted(data.createAnnotation.annotation.id);
    } catch {
      // Shown below with the API's human message; the draft stays in storage.
      announce(intl.formatMessage({ id: 'annotations.composer.failed' }));
    } finally {
      posting.current = false;
    }
  }

  return (
    <form
      className="composer"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-keys`}
      noValidate
      onKeyDown={(event) => {
        // Escape closes the form; what was typed stays in the draft for this passage.
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
        <FormattedMessage id="annotations.composer.title" />
      </h2>
      <blockquote className="quote" dir="auto">
        {target.exact}
      </blockquote>
      <DraftRestored draft={draft} />
      <MotivationPicker
        value={motivation}
        onChange={(next) =>
          // An amendment starts from the passage's own wording, to be edited in place.
          draft.update(
            next === 'AMENDING' && !suggestedText.trim()
              ? { motivation: next, suggestedText: target.exact }
              : { motivation: next },
          )
        }
      />
      <MarkdownField
        label={intl.formatMessage({ id: 'annotations.composer.body' })}
        value={body}
        onChange={(next) => draft.update({ body: next })}
        error={messageFor('body')}
        textareaRef={bodyRef}
      />
      {motivation === 'AMENDING' && (
        <div className="field">
          <label htmlFor={`${id}-suggested`}>
            <FormattedMessage id="annotations.composer.suggestedText" />
          </label>
          <textarea
            id={`${id}-suggested`}
            ref={suggestedRef}
            value={suggestedText}
            rows={3}
            aria-invalid={messageFor('suggestedText') ? true : undefined}
            aria-describedby={messageFor('suggestedText') ? `${id}-suggested-error` : undefined}
            dir="auto"
            onChange={(event) => draft.update({ suggestedText: event.target.value })}
            onKeyDown={submitOnControlEnter}
          />
          {messageFor('suggestedText') && (
            <p id={`${id}-suggested-error`} className="field-error">
              {messageFor('suggestedText')}
            </p>
          )}
          {suggestedText.trim() && (
            <section className="amendment-diff" aria-label={intl.formatMessage({ id: 'annotations.diff.title' })}>
              <h3>
                <FormattedMessage id="annotations.diff.title" />
              </h3>
              <WordDiff before={target.exact} after={suggestedText} />
            </section>
          )}
        </div>
      )}
      <VisibilityPicker
        value={visibility}
        onChange={(next) => draft.update({ visibility: next })}
        organizationAllowed={(viewer?.memberships.length ?? 0) > 0}
      />
      <OnBehalfSelect
        organizations={representedOrganizations}
        value={onBehalfOf}
        onChange={(next) => draft.update({ onBehalfOf: next })}
      />
      {error && <ErrorMessage error={error} />}
      <p id={`${id}-keys`} className="hint keys">
        <FormattedMessage id="annotations.composer.keys" />
      </p>
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id={loading ? 'annotations.composer.posting' : 'annotations.composer.post'} />
        </BusyButton>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </form>
  );
}
