import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PublicationConsent } from '../graphql/generated/graphql';
import type { AnswerMap, AnswerValue, Question } from './answers';
import { QuestionField } from './QuestionField';
import './consultations.css';

export const CONSENTS: readonly PublicationConsent[] = ['PUBLIC_NAMED', 'PUBLIC_ANONYMOUS', 'CONFIDENTIAL'];

export interface ContributionFormProps {
  readonly questions: readonly Question[];
  readonly answers: AnswerMap;
  readonly onAnswer: (questionId: string, value: AnswerValue) => void;
  /** How the contribution may appear in published results; the choice is hidden when undefined (a preview). */
  readonly consent?: PublicationConsent;
  readonly onConsent?: (consent: PublicationConsent) => void;
  readonly disabled?: boolean;
  /** Messages per question id (e.g. from the API's BAD_USER_INPUT). */
  readonly errors?: Readonly<Record<string, string>>;
}

/**
 * The questions of a consultation with their answers, in order, and the publication consent. Controlled and free of
 * data fetching: the contribution page saves what it reports, the ministry's builder previews with it.
 */
export function ContributionForm({
  questions,
  answers,
  onAnswer,
  consent,
  onConsent,
  disabled,
  errors,
}: ContributionFormProps) {
  const intl = useIntl();
  const id = useId();
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  return (
    <div className="contribution-form">
      <ol className="question-list">
        {ordered.map((question) => (
          <li key={question.id}>
            <QuestionField
              question={question}
              value={answers[question.id]}
              onChange={(value) => onAnswer(question.id, value)}
              disabled={disabled}
              error={errors?.[question.id] ?? null}
            />
          </li>
        ))}
      </ol>
      {consent !== undefined && (
        <fieldset className="choice-group consent" disabled={disabled}>
          <legend>
            <FormattedMessage id="consultations.consent.legend" />
          </legend>
          {CONSENTS.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={`${id}-consent`}
                value={option}
                checked={consent === option}
                onChange={() => onConsent?.(option)}
              />{' '}
              {intl.formatMessage({ id: `consultations.consent.${option}` })}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
