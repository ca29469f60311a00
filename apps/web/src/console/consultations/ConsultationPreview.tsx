import { useId, useMemo, useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import type { AnswerMap, Question } from '../../consultations/answers';
import { ContributionForm } from '../../consultations/ContributionForm';
import type { PublicationConsent } from '../../graphql/generated/graphql';
import { optionsOf, type BuilderDraft } from './builder-model';
import type { CitableDocument } from './QuestionEditor';

/** The builder's questions as the consultations area's form takes them (position, options, citation). */
export function previewQuestions(draft: BuilderDraft, documents: readonly CitableDocument[]): Question[] {
  return draft.questions.map((question, index) => {
    const [documentId = '', sectionKey = ''] = question.citation.split('|');
    const document = documents.find((candidate) => candidate.id === documentId);
    const min = Number(question.scaleMin);
    const max = Number(question.scaleMax);
    return {
      id: question.key,
      position: index + 1,
      kind: question.kind,
      prompt: question.prompt || '…',
      required: question.required,
      options: question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE' ? optionsOf(question) : [],
      maxLength: question.kind === 'TEXT' && Number(question.maxLength) > 0 ? Number(question.maxLength) : null,
      scaleMin: question.kind === 'SCALE' && Number.isInteger(min) ? min : null,
      scaleMax: question.kind === 'SCALE' && Number.isInteger(max) && max > min && max - min <= 10 ? max : null,
      sectionKey: document && sectionKey ? sectionKey : null,
      documentId: document ? document.id : null,
      versionNumber: document?.versionNumber ?? null,
    };
  });
}

/**
 * The consultation as an organisation will see it, from the builder's draft: title, summary, deadline in the
 * reader's time zone, and the contribution form of the consultations area with every question (answers typed here
 * are not saved anywhere).
 */
export function ConsultationPreview({
  draft,
  documents,
}: {
  readonly draft: BuilderDraft;
  readonly documents: readonly CitableDocument[];
}) {
  const intl = useIntl();
  const id = useId();
  const t = (key: string) => intl.formatMessage({ id: key });
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [consent, setConsent] = useState<PublicationConsent>('PUBLIC_NAMED');
  const questions = useMemo(() => previewQuestions(draft, documents), [draft, documents]);
  const closes = new Date(draft.closesAt);
  return (
    <section className="preview" aria-labelledby={`${id}-title`} data-testid="consultation-preview">
      <p className="preview-banner">{t('console.preview.banner')}</p>
      <h3 id={`${id}-title`}>
        <bdi>{draft.title || t('console.preview.untitled')}</bdi>
      </h3>
      {draft.summary && (
        <p dir="auto" className="summary">
          {draft.summary}
        </p>
      )}
      {!Number.isNaN(closes.getTime()) && (
        <p className="meta">
          {t('console.preview.deadline')}{' '}
          <bdi>
            <FormattedDate value={closes} dateStyle="full" timeStyle="short" />
          </bdi>
        </p>
      )}
      <ContributionForm
        questions={questions}
        answers={answers}
        onAnswer={(questionId, value) => setAnswers((current) => ({ ...current, [questionId]: value }))}
        consent={consent}
        onConsent={setConsent}
      />
    </section>
  );
}
