import { useIntl } from 'react-intl';
import type { QuestionKind } from '../../graphql/generated/graphql';
import { BusyButton } from '../../ui/BusyButton';
import { QUESTION_KINDS, type BuilderErrors, type QuestionDraft } from './builder-model';

export interface CitableDocument {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  /** The latest version's number (the articles below are its articles). */
  readonly versionNumber?: number | null;
  readonly sections: readonly { readonly key: string; readonly number: number; readonly title: string }[];
}

/** One question of the builder: its kind, prompt, whether it is required, and what its kind needs. */
export function QuestionEditor({
  idPrefix,
  index,
  count,
  question,
  errors,
  documents,
  onChange,
  onMove,
  onRemove,
}: {
  readonly idPrefix: string;
  readonly index: number;
  readonly count: number;
  readonly question: QuestionDraft;
  readonly errors: BuilderErrors;
  readonly documents: readonly CitableDocument[];
  readonly onChange: (change: Partial<QuestionDraft>) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const id = `${idPrefix}-q${index}`;
  const error = (field: string) => errors[`questions.${index}.${field}`];
  const described = (field: string) =>
    error(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};
  const message = (field: string) => {
    const problem = error(field);
    return problem ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {t(problem)}
      </p>
    ) : null;
  };
  const number = index + 1;

  return (
    <fieldset className="question-editor" data-testid="question-editor">
      <legend>{t('console.builder.questionLegend', { number })}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('console.builder.kind')}</label>
        <select
          id={`${id}-kind`}
          value={question.kind}
          onChange={(event) => onChange({ kind: event.target.value as QuestionKind })}
        >
          {QUESTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`console.questionKind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-prompt`}>{t('console.builder.prompt')}</label>
        <textarea
          id={`${id}-prompt`}
          rows={2}
          dir="auto"
          value={question.prompt}
          onChange={(event) => onChange({ prompt: event.target.value })}
          {...described('prompt')}
        />
        {message('prompt')}
      </div>
      {(question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE') && (
        <div className="field">
          <label htmlFor={`${id}-options`}>{t('console.builder.options')}</label>
          <p id={`${id}-options-hint`} className="hint">
            {t('console.builder.optionsHint')}
          </p>
          <textarea
            id={`${id}-options`}
            rows={4}
            dir="auto"
            value={question.options}
            aria-describedby={`${id}-options-hint${error('options') ? ` ${id}-options-error` : ''}`}
            aria-invalid={error('options') ? true : undefined}
            onChange={(event) => onChange({ options: event.target.value })}
          />
          {message('options')}
        </div>
      )}
      {question.kind === 'SCALE' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-min`}>{t('console.builder.scaleMin')}</label>
            <input
              id={`${id}-min`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={question.scaleMin}
              onChange={(event) => onChange({ scaleMin: event.target.value })}
              {...described('scale')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('console.builder.scaleMax')}</label>
            <input
              id={`${id}-max`}
              type="number"
              inputMode="numeric"
              min={1}
              max={110}
              value={question.scaleMax}
              onChange={(event) => onChange({ scaleMax: event.target.value })}
              {...described('scale')}
            />
          </div>
          {message('scale')}
        </div>
      )}
      {question.kind === 'TEXT' && (
        <div className="field">
          <label htmlFor={`${id}-maxLength`}>{t('console.builder.maxLength')}</label>
          <input
            id={`${id}-maxLength`}
            type="number"
            inputMode="numeric"
            min={1}
            value={question.maxLength}
            onChange={(event) => onChange({ maxLength: event.target.value })}
            {...described('maxLength')}
          />
          {message('maxLength')}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-citation`}>{t('console.builder.citation')}</label>
        <select
          id={`${id}-citation`}
          value={question.citation}
          onChange={(event) => onChange({ citation: event.target.value })}
        >
          <option value="">{t('console.builder.noCitation')}</option>
          {documents.map((document) => (
            <optgroup key={document.id} label={`${document.reference} — ${document.title}`}>
              {document.sections.map((section) => (
                <option key={section.key} value={`${document.id}|${section.key}`}>
                  {t('console.builder.article', { number: section.number, title: section.title })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={question.required}
          onChange={(event) => onChange({ required: event.target.checked })}
        />
        {t('console.builder.required')}
      </label>
      <div className="actions">
        <BusyButton
          id={`${id}-move-up`}
          type="button"
          onClick={() => onMove(-1)}
          disabled={index === 0}
          aria-label={t('console.builder.moveUp', { number })}
        >
          ↑
        </BusyButton>
        <BusyButton
          id={`${id}-move-down`}
          type="button"
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={t('console.builder.moveDown', { number })}
        >
          ↓
        </BusyButton>
        <BusyButton type="button" onClick={onRemove} disabled={count === 1}>
          {t('console.builder.remove', { number })}
        </BusyButton>
      </div>
    </fieldset>
  );
}
