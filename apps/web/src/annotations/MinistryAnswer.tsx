import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import {
  AnswerAnnotationDocument,
  type AnnotationCardFieldsFragment,
  type AnnotationStatus,
  type Disposition,
} from '../graphql/generated/graphql';
import { announce } from './announce';
import { useDraft } from './drafts';
import { RequiredChoice } from './RequiredChoice';
import { FormFooter } from '../ui/FormFooter';

const DISPOSITIONS: readonly Disposition[] = ['ACCEPTED', 'PARTIALLY_ACCEPTED', 'NOTED', 'REJECTED'];

type Answer = NonNullable<AnnotationCardFieldsFragment['answer']>;

/** The ministry's official answer, shown first and set apart; moderators give or change it from here. */
export function MinistryAnswer({
  annotationId,
  answer,
  status,
  canAnswer,
}: {
  readonly annotationId: string;
  readonly answer: Answer | null | undefined;
  readonly status: AnnotationStatus;
  readonly canAnswer: boolean;
}) {
  const intl = useIntl();
  const [editing, setEditing] = useState(false);
  if (!answer && !canAnswer) return null;
  return (
    <section className="answer" aria-label={intl.formatMessage({ id: 'annotations.card.answer' })}>
      {answer && (
        <>
          <h3>
            <span aria-hidden="true">⚑ </span>
            <FormattedMessage id="annotations.card.answer" /> —{' '}
            <span className="disposition" data-disposition={answer.disposition}>
              {intl.formatMessage({ id: `annotations.disposition.${answer.disposition}` })}
            </span>
          </h3>
          <p className="rationale" dir="auto">
            {answer.rationale}
          </p>
          <p className="meta">
            {answer.answeredBy && (
              <>
                <bdi>{answer.answeredBy.displayName}</bdi> ·{' '}
              </>
            )}
            <bdi>
              <FormattedDate value={answer.answeredAt} dateStyle="medium" />
            </bdi>
          </p>
        </>
      )}
      {canAnswer && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          <FormattedMessage id={answer ? 'annotations.answer.change' : 'annotations.answer.give'} />
        </button>
      )}
      {canAnswer && editing && (
        <AnswerForm annotationId={annotationId} answer={answer} status={status} onClose={() => setEditing(false)} />
      )}
    </section>
  );
}

function AnswerForm({
  annotationId,
  answer,
  status,
  onClose,
}: {
  readonly annotationId: string;
  readonly answer: Answer | null | undefined;
  readonly status: AnnotationStatus;
  readonly onClose: () => void;
}) {
  const intl = useIntl();
  const id = useId();
  const draft = useDraft(`answer:${annotationId}`, {
    disposition: answer?.disposition ?? ('' as Disposition | ''),
    rationale: answer?.rationale ?? '',
    resolved: status === 'RESOLVED' ? 'yes' : '',
  });
  const [checked, setChecked] = useState(false);
  const [answerAnnotation, { loading, error }] = useMutation(AnswerAnnotationDocument);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const { disposition, rationale, resolved } = draft.value;
  const missingDisposition = checked && !disposition;
  const missingRationale = checked && !rationale.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!disposition) return document.getElementById(`${id}-disposition-${DISPOSITIONS[0]}`)?.focus();
    if (!rationale.trim()) return rationaleRef.current?.focus();
    try {
      await answerAnnotation({
        variables: {
          input: { id: annotationId, disposition, rationale, status: resolved ? 'RESOLVED' : 'ANSWERED' },
        },
      });
      draft.clear();
      announce(intl.formatMessage({ id: 'annotations.answer.saved' }));
      onClose();
    } catch {
      // Shown below; the draft is kept.
    }
  }

  return (
    <form onSubmit={submit} noValidate className="answer-form">
      <RequiredChoice
        idPrefix={`${id}-disposition`}
        legend={<FormattedMessage id="annotations.answer.disposition" />}
        choices={DISPOSITIONS}
        value={disposition}
        onChange={(choice) => draft.update({ disposition: choice })}
        labelOf={(choice) => intl.formatMessage({ id: `annotations.disposition.${choice}` })}
        missing={missingDisposition}
        missingMessage={<FormattedMessage id="annotations.answer.dispositionRequired" />}
      />
      <label htmlFor={`${id}-rationale`}>
        <FormattedMessage id="annotations.answer.rationale" />
      </label>
      <textarea
        id={`${id}-rationale`}
        ref={rationaleRef}
        rows={4}
        value={rationale}
        aria-invalid={missingRationale || undefined}
        aria-describedby={missingRationale ? `${id}-rationale-error` : undefined}
        onChange={(event) => draft.update({ rationale: event.target.value })}
      />
      {missingRationale && (
        <p id={`${id}-rationale-error`} className="field-error">
          <FormattedMessage id="annotations.answer.rationaleRequired" />
        </p>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={resolved === 'yes'}
          onChange={(event) => draft.update({ resolved: event.target.checked ? 'yes' : '' })}
        />
        <FormattedMessage id="annotations.answer.resolved" />
      </label>
      <FormFooter
        error={error}
        busy={loading}
        submitLabel={<FormattedMessage id="annotations.answer.publish" />}
        onCancel={onClose}
      />
    </form>
  );
}
