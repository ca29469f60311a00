import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CreateAnnotationDocument, type Motivation, type AnnotationVisibility } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';

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

const MOTIVATION_CHOICES: Motivation[] = ['COMMENTING', 'QUESTIONING', 'OBJECTING', 'AMENDING', 'SUPPORTING'];

/** Contract for the annotation form (owned by the annotations area): post an annotation on a selected passage. */
export function AnnotationComposer({ version, target, onPosted, onCancel }: AnnotationComposerProps) {
  const intl = useIntl();
  const id = useId();
  const [motivation, setMotivation] = useState<Motivation>('COMMENTING');
  const [visibility, setVisibility] = useState<AnnotationVisibility>('PUBLIC');
  const [body, setBody] = useState('');
  const [suggestedText, setSuggestedText] = useState('');
  const [missingBody, setMissingBody] = useState(false);
  const [create, { loading, error }] = useMutation(CreateAnnotationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setMissingBody(true);
      return;
    }
    const { data } = await create({
      variables: {
        input: {
          documentId: version.documentId,
          versionNumber: version.number,
          target,
          motivation,
          visibility,
          body,
          suggestedText: motivation === 'AMENDING' ? suggestedText : null,
        },
      },
    }).catch(() => ({ data: undefined }));
    if (data) onPosted(data.createAnnotation.annotation.id);
  }

  return (
    <form className="composer" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="annotations.composer.title" />
      </h2>
      <blockquote className="quote">{target.exact}</blockquote>
      <label htmlFor={`${id}-motivation`}>
        <FormattedMessage id="annotations.composer.motivation" />
      </label>
      <select id={`${id}-motivation`} value={motivation} onChange={(e) => setMotivation(e.target.value as Motivation)}>
        {MOTIVATION_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {intl.formatMessage({ id: `reader.motivation.${choice}` })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-body`}>
        <FormattedMessage id="annotations.composer.body" />
      </label>
      <textarea
        id={`${id}-body`}
        value={body}
        rows={5}
        aria-invalid={missingBody || undefined}
        aria-describedby={missingBody ? `${id}-body-error` : undefined}
        onChange={(e) => {
          setBody(e.target.value);
          setMissingBody(false);
        }}
      />
      {missingBody && (
        <p id={`${id}-body-error`} className="field-error">
          <FormattedMessage id="annotations.composer.bodyRequired" />
        </p>
      )}
      {motivation === 'AMENDING' && (
        <>
          <label htmlFor={`${id}-suggested`}>
            <FormattedMessage id="annotations.composer.suggestedText" />
          </label>
          <textarea
            id={`${id}-suggested`}
            value={suggestedText}
            rows={3}
            onChange={(e) => setSuggestedText(e.target.value)}
          />
        </>
      )}
      <label htmlFor={`${id}-visibility`}>
        <FormattedMessage id="annotations.composer.visibility" />
      </label>
      <select
        id={`${id}-visibility`}
        value={visibility}
        onChange={(e) => setVisibility(e.target.value as AnnotationVisibility)}
      >
        <option value="PUBLIC">{intl.formatMessage({ id: 'reader.visibility.PUBLIC' })}</option>
        <option value="ORGANIZATION">{intl.formatMessage({ id: 'reader.visibility.ORGANIZATION' })}</option>
      </select>
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={loading}>
          <FormattedMessage id="annotations.composer.post" />
        </button>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </form>
  );
}
