import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PublicationConsent } from '../graphql/generated/graphql';
import { type AnswerMap, type Question, answerText, mergeAnswers, sameAnswer } from './answers';

export interface MergeSide {
  readonly answers: AnswerMap;
  readonly consent: PublicationConsent;
}

export interface ContributionMergeViewProps {
  readonly questions: readonly Question[];
  /** What the person started from (the version their edit was based on). */
  readonly base: MergeSide;
  /** What they have now (unsaved). */
  readonly mine: MergeSide;
  /** The latest saved by someone else. */
  readonly theirs: MergeSide;
  /** Who saved it, and when (from the contribution's history), when known. */
  readonly theirsBy?: { readonly name: string; readonly at: string } | null;
  /** The merged answers and consent, to save over the latest version. */
  readonly onResolve: (merged: MergeSide) => void;
}

type Side = 'mine' | 'theirs';

/**
 * A stale save (CONFLICT) of a contribution: the other person's answers beside one's own. A question only one side
 * changed takes that side without asking; for each question both changed, the person keeps theirs or takes the other
 * one, then saves the result over the latest version. Nothing typed is lost: "mine" stays the default.
 */
export function ContributionMergeView({
  questions,
  base,
  mine,
  theirs,
  theirsBy,
  onResolve,
}: ContributionMergeViewProps) {
  const intl = useIntl();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const outcome = mergeAnswers(questions, base.answers, mine.answers, theirs.answers);
  const consentConflict =
    base.consent !== mine.consent && base.consent !== theirs.consent && mine.consent !== theirs.consent;
  const [picks, setPicks] = useState<Record<string, Side>>({});
  useEffect(() => headingRef.current?.focus(), []);
  const byId = new Map(questions.map((question) => [question.id, question]));

  function resolve() {
    const answers: Record<string, AnswerMap[string]> = { ...outcome.merged };
    for (const questionId of outcome.conflicts) {
      const side = picks[questionId] === 'theirs' ? theirs : mine;
      const value = side.answers[questionId];
      if (value) answers[questionId] = value;
      else delete answers[questionId];
    }
    const consent =
      base.consent === mine.consent
        ? theirs.consent
        : consentConflict && picks['consent'] === 'theirs'
          ? theirs.consent
          : mine.consent;
    onResolve({ answers, consent });
  }

  const choice = (key: string, label: ReactNode, mineText: string, theirsText: string) => (
    <li key={key} className="merge-question">
      <fieldset className="choice-group">
        <legend>{label}</legend>
        <div className="merge-sides">
          <div>
            <h4>
              <FormattedMessage id="consultations.merge.theirs" />
            </h4>
            <p className="merge-side" dir="auto">
              {theirsText || intl.formatMessage({ id: 'consultations.merge.noAnswer' })}
            </p>
          </div>
          <div>
            <h4>
              <FormattedMessage id="consultations.merge.mine" />
            </h4>
            <p className="merge-side" dir="auto">
              {mineText || intl.formatMessage({ id: 'consultations.merge.noAnswer' })}
            </p>
          </div>
        </div>
        {(['mine', 'theirs'] as const).map((side) => (
          <label key={side} className="choice">
            <input
              type="radio"
              name={`${id}-${key}`}
              checked={(picks[key] ?? 'mine') === side}
              onChange={() => setPicks((current) => ({ ...current, [key]: side }))}
            />{' '}
            <FormattedMessage
              id={side === 'mine' ? 'consultations.merge.keepMine' : 'consultations.merge.takeTheirs'}
            />
          </label>
        ))}
      </fieldset>
    </li>
  );

  return (
    <section className="merge-view" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="consultations.merge.title" />
      </h3>
      <p role="alert">
        {theirsBy ? (
          <FormattedMessage
            id="consultations.merge.explainBy"
            values={{
              name: theirsBy.name,
              at: intl.formatDate(theirsBy.at, { dateStyle: 'medium', timeStyle: 'short' }),
            }}
          />
        ) : (
          <FormattedMessage id="consultations.merge.explain" />
        )}
      </p>
      {outcome.takenFromThem.length > 0 && (
        <p>
          <FormattedMessage
            id="consultations.merge.takenAutomatically"
            values={{
              questions: intl.formatList(
                outcome.takenFromThem.map((questionId) =>
                  intl.formatMessage(
                    { id: 'consultations.question.number' },
                    { number: byId.get(questionId)?.position ?? 0 },
                  ),
                ),
              ),
            }}
          />
        </p>
      )}
      {outcome.conflicts.length === 0 && !consentConflict ? (
        <p>
          <FormattedMessage id="consultations.merge.noConflict" />
        </p>
      ) : (
        <ol className="question-list">
          {outcome.conflicts.map((questionId) => {
            const question = byId.get(questionId);
            if (!question) return null;
            const label = (
              <>
                <FormattedMessage id="consultations.question.number" values={{ number: question.position }} /> —{' '}
                <bdi>{question.prompt}</bdi>
              </>
            );
            return choice(
              questionId,
              label,
              answerText(mine.answers[questionId]),
              answerText(theirs.answers[questionId]),
            );
          })}
          {consentConflict &&
            choice(
              'consent',
              intl.formatMessage({ id: 'consultations.consent.legend' }),
              intl.formatMessage({ id: `consultations.consent.${mine.consent}` }),
              intl.formatMessage({ id: `consultations.consent.${theirs.consent}` }),
            )}
        </ol>
      )}
      <button type="button" className="primary" onClick={resolve}>
        <FormattedMessage id="consultations.merge.apply" />
      </button>
    </section>
  );
}

/** Whether two sides hold the same contribution (nothing to merge). */
export function sameSide(questions: readonly Question[], a: MergeSide, b: MergeSide): boolean {
  return (
    a.consent === b.consent && questions.every((question) => sameAnswer(a.answers[question.id], b.answers[question.id]))
  );
}
