import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { announce } from '../annotations/announce';
import { readDraft, writeDraft } from '../annotations/drafts';
import { describeError } from '../app/errors';
import {
  ContributionDocument,
  ContributionHistoryDocument,
  type ContributionFieldsFragment,
  type PublicationConsent,
  SaveContributionDocument,
  SubmitContributionDocument,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { type AnswerMap, type AnswerValue, type Question, answerMapOf, changedAnswers } from './answers';
import { ContributionForm } from './ContributionForm';
import { ContributionMergeView, type MergeSide } from './ContributionMergeView';
import { MemberContributions } from './MemberContributions';
import { BusyButton } from '../ui/BusyButton';

/** How long after the last change the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export interface ContributionEditorProps {
  readonly consultationId: string;
  readonly organizationId: string;
  readonly questions: readonly Question[];
  readonly contribution: ContributionFieldsFragment;
  /** Saving and submitting are open (the consultation is OPEN). */
  readonly open: boolean;
  /** A representative of the organisation (only they submit). */
  readonly canSubmit: boolean;
  /** For a federation: its member companies' submitted contributions are shown beside the draft, to take from. */
  readonly federation?: boolean;
}

interface Saved extends MergeSide {
  readonly version: number;
}

interface StoredDraft extends MergeSide {
  /** The version the draft was based on. */
  readonly version: number;
}

interface Conflict {
  readonly theirs: Saved;
  readonly by: { name: string; at: string } | null;
}

const sideOf = (contribution: ContributionFieldsFragment): Saved => ({
  answers: answerMapOf(contribution.answers),
  consent: contribution.consent,
  version: contribution.version,
});

/**
 * The organisation's contribution, edited together: every change is kept in local storage at once and saved a moment
 * later against the version it started from. When a colleague saved in between (CONFLICT), the merge view shows their
 * answers beside one's own; the merged answers are then saved over the latest version. Representatives submit.
 */
export function ContributionEditor({
  consultationId,
  organizationId,
  questions,
  contribution,
  open,
  canSubmit,
  federation = false,
}: ContributionEditorProps) {
  const intl = useIntl();
  const client = useApolloClient();
  const navigate = useNavigate();
  const draftKey = `contribution:${contribution.id}`;
  const [base, setBase] = useState<Saved>(() => sideOf(contribution));
  const [mine, setMine] = useState<MergeSide>(() => {
    const stored = readDraft<StoredDraft>(draftKey);
    return stored ? { answers: stored.answers, consent: stored.consent } : sideOf(contribution);
  });
  const [restored] = useState(() => readDraft<StoredDraft>(draftKey) !== null);
  const [status, setStatus] = useState<'saved' | 'dirty' | 'saving' | 'conflict' | 'error'>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [save] = useMutation(SaveContributionDocument);
  const [submit] = useMutation(SubmitContributionDocument);
  const submitInFlight = useRef(false);
  const [submitPending, setSubmitPending] = useState(false);
  const mineRef = useRef(mine);
  mineRef.current = mine;
  const baseRef = useRef(base);
  baseRef.current = base;
  const inFlight = useRef<Promise<boolean> | null>(null);

  const dirtyAgainst = useCallback(
    (side: MergeSide, saved: Saved) =>
      side.consent !== saved.consent || changedAnswers(questions, saved.answers, side.answers).length > 0,
    [questions],
  );

  /** Saves what the person has now; true when everything is saved. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const current = mineRef.current;
    const saved = baseRef.current;
    if (!dirtyAgainst(current, saved)) return true;
    setStatus('saving');
    const attempt = (async () => {
      try {
        const { data } = await save({
          variables: {
            input: {
              consultationId,
              organizationId,
              version: saved.version,
              answers: changedAnswers(questions, saved.answers, current.answers),
              consent: current.consent !== saved.consent ? current.consent : undefined,
            },
          },
        });
        const fresh = data?.saveContribution.contribution;
        if (!fresh) return false;
        const next = sideOf(fresh);
        baseRef.current = next;
        setBase(next);
        setSavedAt(fresh.updatedAt);
        setError(null);
        setFieldErrors({});
        const stillDirty = dirtyAgainst(mineRef.current, next);
        if (!stillDirty) writeDraft(draftKey, null);
        setStatus(stillDirty ? 'dirty' : 'saved');
        return !stillDirty;
      } catch (caught) {
        const described = describeError(caught);
        if (described.code === 'CONFLICT') {
          await openMerge();
          return false;
        }
        setFieldErrors(fieldErrorsOf(described.fields, questions));
        setError(caught);
        setStatus('error');
        return false;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
    // openMerge is stable enough: it only reads refs and setters.
  }, [consultationId, organizationId, questions, save, dirtyAgainst, draftKey]);

  async function openMerge() {
    setStatus('conflict');
    const variables = { consultationId, organizationId };
    const [latest, history] = await Promise.all([
      client.query({ query: ContributionDocument, variables, fetchPolicy: 'network-only' }),
      client.query({ query: ContributionHistoryDocument, variables, fetchPolicy: 'network-only' }),
    ]);
    const fresh = latest.data?.contribution;
    if (!fresh) return;
    const last = history.data?.contribution.history[0];
    setConflict({
      theirs: sideOf(fresh),
      by: last
        ? { name: last.by?.displayName ?? intl.formatMessage({ id: 'consultations.history.someone' }), at: last.at }
        : null,
    });
  }

  // Autosave: a moment after the last change, unless a merge is waiting for the person.
  useEffect(() => {
    if (!open || conflict || !dirtyAgainst(mine, base)) return;
    setStatus((current) => (current === 'saving' ? current : 'dirty'));
    const timer = window.setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [mine, base, open, conflict, dirtyAgainst, saveNow]);

  function change(next: MergeSide) {
    setMine(next);
    mineRef.current = next;
    writeDraft<StoredDraft>(draftKey, { ...next, version: baseRef.current.version });
  }

  function resolve(merged: MergeSide) {
    if (!conflict) return;
    baseRef.current = conflict.theirs;
    setBase(conflict.theirs);
    setConflict(null);
    setStatus('saved');
    change(merged);
    announce(intl.formatMessage({ id: 'consultations.merge.applied' }));
  }

  async function submitNow() {
    // Once, from the save that comes first to the receipt: a second click meanwhile sends nothing.
    if (submitInFlight.current) return;
    submitInFlight.current = true;
    setSubmitPending(true);
    try {
      await saveThenSubmit();
    } finally {
      submitInFlight.current = false;
      setSubmitPending(false);
    }
  }

  async function saveThenSubmit() {
    setError(null);
    if (!(await saveNow())) return;
    try {
      const { data } = await submit({ variables: { input: { consultationId, organizationId } } });
      const outcome = data?.submitContribution;
      if (!outcome) return;
      writeDraft(draftKey, null);
      announce(intl.formatMessage({ id: 'consultations.submit.done' }));
      void navigate(`/consultations/${consultationId}/receipt/${organizationId}`, {
        state: { alreadyReceived: outcome.alreadyReceived },
      });
    } catch (caught) {
      setFieldErrors(fieldErrorsOf(describeError(caught).fields, questions));
      setError(caught);
    }
  }

  const statusText = (() => {
    switch (status) {
      case 'saving':
        return intl.formatMessage({ id: 'consultations.autosave.saving' });
      case 'dirty':
        return intl.formatMessage({ id: 'consultations.autosave.dirty' });
      case 'conflict':
        return intl.formatMessage({ id: 'consultations.autosave.conflict' });
      case 'error':
        return intl.formatMessage({ id: 'consultations.autosave.error' });
      default:
        return intl.formatMessage(
          { id: 'consultations.autosave.saved' },
          {
            version: base.version,
            at: intl.formatTime(savedAt ?? contribution.updatedAt, { timeStyle: 'short' }),
          },
        );
    }
  })();

  return (
    <div className="contribution-editor">
      {restored && (
        <p className="draft-note" role="status">
          <FormattedMessage id="consultations.autosave.restored" />
        </p>
      )}
      <p className="autosave-status" data-testid="autosave-status" data-status={status}>
        {statusText}
      </p>
      {conflict && (
        <ContributionMergeView
          questions={questions}
          base={base}
          mine={mine}
          theirs={conflict.theirs}
          theirsBy={conflict.by}
          onResolve={resolve}
        />
      )}
      <ContributionForm
        questions={questions}
        answers={mine.answers}
        onAnswer={(questionId: string, value: AnswerValue) =>
          change({ ...mineRef.current, answers: { ...mineRef.current.answers, [questionId]: value } as AnswerMap })
        }
        consent={mine.consent}
        onConsent={(consent: PublicationConsent) => change({ ...mineRef.current, consent })}
        disabled={!open || !!conflict}
        errors={fieldErrors}
      />
      {error !== null && <ErrorMessage error={error} />}
      {federation && (
        <MemberContributions
          consultationId={consultationId}
          federationId={organizationId}
          questions={questions}
          draft={mine.answers}
          onTake={(questionId: string, value: AnswerValue) =>
            change({ ...mineRef.current, answers: { ...mineRef.current.answers, [questionId]: value } as AnswerMap })
          }
          disabled={!open || !!conflict}
        />
      )}
      {open && (
        <div className="actions no-print">
          <BusyButton
            type="button"
            disabled={!!conflict}
            busy={status === 'saving'}
            onClick={async () => {
              if (await saveNow()) announce(intl.formatMessage({ id: 'consultations.autosave.savedNow' }));
            }}
          >
            <FormattedMessage id="consultations.autosave.saveNow" />
          </BusyButton>
          {canSubmit ? (
            <BusyButton
              type="button"
              className="primary"
              disabled={!!conflict}
              busy={submitPending}
              onClick={submitNow}
            >
              <FormattedMessage id="consultations.submit.button" />
            </BusyButton>
          ) : (
            <p className="hint">
              <FormattedMessage id="consultations.submit.representativesOnly" />
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The API names answers by position (`answers.2`); the form shows them under their question. */
function fieldErrorsOf(fields: Record<string, string> | undefined, questions: readonly Question[]) {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields ?? {})) {
    const match = /^answers\.(\d+)$/.exec(field);
    const question = match ? questions.find((candidate) => candidate.position === Number(match[1])) : undefined;
    if (question) errors[question.id] = message;
  }
  return errors;
}
