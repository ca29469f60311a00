import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { type AnswerValue, type Question, scaleSteps } from './answers';

export interface QuestionFieldProps {
  readonly question: Question;
  readonly value: AnswerValue | undefined;
  readonly onChange: (value: AnswerValue) => void;
  /** Read-only (a closed consultation, a preview without answers, someone who may not edit). */
  readonly disabled?: boolean;
  /** A message under the question; the inputs are then invalid and described by it. */
  readonly error?: string | null;
}

/** The reader's address of the article a question cites, when it cites one. */
export function citationHref(question: Question): string | null {
  if (!question.sectionKey || !question.documentId || !question.versionNumber) return null;
  return `/read/${question.documentId}/${question.versionNumber}#${encodeURIComponent(question.sectionKey)}`;
}

/**
 * One question of any kind with its answer input: a text area (TEXT), radio buttons (SINGLE_CHOICE, and SCALE: one
 * button per step, which a screen reader and the keyboard handle better than a slider), or check boxes
 * (MULTI_CHOICE). Controlled: the value comes in, every change goes out. Used by the contribution form and by the
 * ministry's preview of a consultation.
 */
export function QuestionField({ question, value, onChange, disabled, error }: QuestionFieldProps) {
  const intl = useIntl();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const href = citationHref(question);
  const describedBy = [error ? errorId : null, question.kind === 'SCALE' || question.maxLength ? hintId : null]
    .filter(Boolean)
    .join(' ');
  const legend = (
    <>
      <span className="question-number">
        <FormattedMessage id="consultations.question.number" values={{ number: question.position }} />
      </span>{' '}
      <span dir="auto">{question.prompt}</span>
      {question.required && (
        <span className="required">
          {' '}
          <FormattedMessage id="consultations.question.required" />
        </span>
      )}
    </>
  );
  const citation = href && (
    <p className="question-citation">
      <Link to={href}>
        <FormattedMessage id="consultations.question.citation" values={{ article: question.sectionKey }} />
      </Link>
    </p>
  );
  const errorLine = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );

  if (question.kind === 'TEXT') {
    const text = value?.text ?? '';
    return (
      <div className="question-field field" data-kind="TEXT">
        <label htmlFor={`${id}-text`} className="question-prompt">
          {legend}
        </label>
        {citation}
        <textarea
          id={`${id}-text`}
          rows={5}
          value={text}
          dir="auto"
          disabled={disabled}
          maxLength={question.maxLength ?? undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange({ text: event.target.value })}
        />
        {question.maxLength ? (
          <p id={hintId} className="hint">
            <FormattedMessage
              id="consultations.question.length"
              values={{ count: text.length, max: question.maxLength }}
            />
          </p>
        ) : null}
        {errorLine}
      </div>
    );
  }

  const multiple = question.kind === 'MULTI_CHOICE';
  const steps = question.kind === 'SCALE' ? scaleSteps(question) : [];
  const options = question.kind === 'SCALE' ? steps.map(String) : question.options;
  const isChecked = (option: string) =>
    question.kind === 'SCALE' ? value?.scale === Number(option) : (value?.choices ?? []).includes(option);
  const toggle = (option: string, checked: boolean) => {
    if (question.kind === 'SCALE') return onChange({ scale: Number(option) });
    if (!multiple) return onChange({ choices: [option] });
    const current = value?.choices ?? [];
    onChange({
      choices: checked
        ? [...current.filter((choice) => choice !== option), option]
        : current.filter((c) => c !== option),
    });
  };
  return (
    <fieldset
      className="question-field choice-group"
      data-kind={question.kind}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      disabled={disabled}
    >
      <legend className="question-prompt">{legend}</legend>
      {citation}
      {question.kind === 'SCALE' && (
        <p id={hintId} className="hint">
          <FormattedMessage
            id="consultations.question.scaleHint"
            values={{ min: steps[0] ?? 1, max: steps[steps.length - 1] ?? 5 }}
          />
        </p>
      )}
      <div className={question.kind === 'SCALE' ? 'scale-options' : 'choice-options'}>
        {options.map((option, index) => (
          <label key={option} className="choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`${id}-choice`}
              value={option}
              checked={isChecked(option)}
              onChange={(event) => toggle(option, event.target.checked)}
            />{' '}
            <span dir="auto">{question.kind === 'SCALE' ? intl.formatNumber(steps[index] ?? 0) : option}</span>
          </label>
        ))}
      </div>
      {!multiple && value && (value.choices?.length || value.scale != null) && !disabled ? (
        <button type="button" className="link" onClick={() => onChange({})}>
          <FormattedMessage id="consultations.question.clear" />
        </button>
      ) : null}
      {errorLine}
    </fieldset>
  );
}
