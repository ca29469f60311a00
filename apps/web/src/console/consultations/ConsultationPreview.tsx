import { useId } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import { optionsOf, type BuilderDraft, type QuestionDraft } from './builder-model';
import type { CitableDocument } from './QuestionEditor';

/**
 * The consultation as an organisation will see it, from the builder's draft: title, summary, deadline in the
 * reader's time zone, and each question as the field they will answer (nothing is saved from here).
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
  const t = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
  const closes = new Date(draft.closesAt);
  return (
    <section className="preview" aria-labelledby={`${id}-title`} data-testid="consultation-preview">
      <p className="preview-banner">{t('console.preview.banner')}</p>
      <h3 id={`${id}-title`} dir="auto">
        {draft.title || t('console.preview.untitled')}
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
      <ol className="preview-questions">
        {draft.questions.map((question, index) => (
          <li key={question.key}>
            <PreviewQuestion question={question} index={index} idPrefix={id} documents={documents} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function PreviewQuestion({
  question,
  index,
  idPrefix,
  documents,
}: {
  readonly question: QuestionDraft;
  readonly index: number;
  readonly idPrefix: string;
  readonly documents: readonly CitableDocument[];
}) {
  const intl = useIntl();
  const t = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
  const id = `${idPrefix}-p${index}`;
  const [documentId, sectionKey] = question.citation.split('|');
  const document = documents.find((candidate) => candidate.id === documentId);
  const section = document?.sections.find((candidate) => candidate.key === sectionKey);
  const prompt = (
    <>
      <span dir="auto">{question.prompt || t('console.preview.noPrompt')}</span>
      {question.required && <span className="required"> {t('console.preview.required')}</span>}
    </>
  );
  const citation = document && section && (
    <p className="meta">
      {t('console.preview.cites', { reference: document.reference, number: section.number, title: section.title })}
    </p>
  );
  if (question.kind === 'TEXT')
    return (
      <div className="field">
        <label htmlFor={id}>{prompt}</label>
        {citation}
        <textarea id={id} rows={3} maxLength={Number(question.maxLength) || undefined} />
      </div>
    );
  if (question.kind === 'SCALE') {
    const min = Number(question.scaleMin);
    const max = Number(question.scaleMax);
    const steps = Number.isInteger(min) && Number.isInteger(max) && max > min && max - min <= 10 ? max - min + 1 : 0;
    return (
      <fieldset>
        <legend>{prompt}</legend>
        {citation}
        {Array.from({ length: steps }, (_, step) => min + step).map((point) => (
          <label key={point} className="choice inline">
            <input type="radio" name={id} value={point} />
            {intl.formatNumber(point)}
          </label>
        ))}
      </fieldset>
    );
  }
  const multiple = question.kind === 'MULTI_CHOICE';
  return (
    <fieldset>
      <legend>{prompt}</legend>
      {citation}
      {multiple && <p className="hint">{t('console.preview.several')}</p>}
      {optionsOf(question).map((option) => (
        <label key={option} className="choice">
          <input type={multiple ? 'checkbox' : 'radio'} name={id} value={option} />
          <span dir="auto">{option}</span>
        </label>
      ))}
    </fieldset>
  );
}
