import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { OrganizationKind } from '../../graphql/generated/graphql';
import { announce } from '../../annotations/announce';
import { useDraft } from '../../annotations/drafts';
import { ErrorMessage } from '../../ui/ErrorMessage';
import {
  ELIGIBLE_KINDS,
  newQuestion,
  validateBuilder,
  type BuilderDraft,
  type BuilderErrors,
  type QuestionDraft,
} from './builder-model';
import { ConsultationPreview } from './ConsultationPreview';
import { QuestionEditor, type CitableDocument } from './QuestionEditor';
import { DraftRestored } from '../../ui/DraftRestored';
import { BusyButton } from '../../ui/BusyButton';

export interface ConsultationBuilderProps {
  /** Where the form is kept while typed (`console:consultation:new`, `console:consultation:<id>`). */
  readonly draftKey: string;
  readonly initial: BuilderDraft;
  readonly documents: readonly CitableDocument[];
  /** Linked documents can only be chosen when creating (the API does not change them later). */
  readonly chooseDocuments: boolean;
  readonly submitLabel: string;
  readonly onSubmit: (draft: BuilderDraft) => Promise<void>;
}

/**
 * The consultation builder: title and summary, schedule (in the person's time zone, stated), eligibility, linked
 * documents, and questions of each kind (text, single or multiple choice, scale), each optionally citing an article.
 * The form is a draft in local storage until the API accepted it; an error keeps it and says what is wrong where.
 */
export function ConsultationBuilder({
  draftKey,
  initial,
  documents,
  chooseDocuments,
  submitLabel,
  onSubmit,
}: ConsultationBuilderProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const id = useId();
  const draft = useDraft<BuilderDraft>(draftKey, initial);
  const [errors, setErrors] = useState<BuilderErrors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const value = draft.value;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const setQuestions = (questions: readonly QuestionDraft[]) => draft.update({ questions });
  const changeQuestion = (index: number, change: Partial<QuestionDraft>) =>
    setQuestions(value.questions.map((question, i) => (i === index ? { ...question, ...change } : question)));
  // After a question moves or goes, the keyboard's focus stays with it (React moves or removes its node, which
  // would drop the focus to the page's body), and a screen reader hears where it went.
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });
  const moveQuestion = (index: number, by: -1 | 1) => {
    const next = [...value.questions];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    setQuestions(next);
    focusAfterRender.current = `${id}-q${index + by}-move-${by === -1 ? 'up' : 'down'}`;
    announce(t('console.builder.moved', { number: index + 1, position: index + by + 1 }));
  };
  const removeQuestion = (index: number) => {
    const remaining = value.questions.filter((_, i) => i !== index);
    setQuestions(remaining);
    focusAfterRender.current = index < remaining.length ? `${id}-q${index}-kind` : `${id}-add-question`;
    announce(t('console.builder.removed', { number: index + 1 }));
  };
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateBuilder(value);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const form = event.currentTarget;
      window.setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setBusy(true);
    setApiError(null);
    try {
      await onSubmit(value);
      draft.clear();
    } catch (caught) {
      setApiError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => {
    const problem = errors[field];
    return problem ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {t(problem)}
      </p>
    ) : null;
  };
  const invalid = (field: string) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};

  return (
    <div className="builder">
      <form onSubmit={submit} noValidate aria-label={t('console.builder.label')}>
        <DraftRestored draft={draft} />
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('console.builder.title')}</label>
          <input
            id={`${id}-title`}
            dir="auto"
            value={value.title}
            onChange={(event) => draft.update({ title: event.target.value })}
            {...invalid('title')}
          />
          {fieldError('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>{t('console.builder.summary')}</label>
          <textarea
            id={`${id}-summary`}
            rows={3}
            dir="auto"
            value={value.summary}
            onChange={(event) => draft.update({ summary: event.target.value })}
          />
        </div>
        <fieldset>
          <legend>{t('console.builder.schedule')}</legend>
          <p className="hint" id={`${id}-tz`}>
            {t('console.builder.timeZone', { timeZone })}
          </p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-opensAt`}>{t('console.builder.opensAt')}</label>
              <input
                id={`${id}-opensAt`}
                type="datetime-local"
                value={value.opensAt}
                onChange={(event) => draft.update({ opensAt: event.target.value })}
                {...invalid('opensAt')}
              />
              {fieldError('opensAt')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-closesAt`}>{t('console.builder.closesAt')}</label>
              <input
                id={`${id}-closesAt`}
                type="datetime-local"
                value={value.closesAt}
                onChange={(event) => draft.update({ closesAt: event.target.value })}
                {...invalid('closesAt')}
              />
              {fieldError('closesAt')}
            </div>
          </div>
        </fieldset>
        <fieldset
          aria-invalid={errors['eligibleKinds'] ? true : undefined}
          aria-describedby={errors['eligibleKinds'] ? `${id}-eligibleKinds-error` : undefined}
        >
          <legend>{t('console.builder.eligibility')}</legend>
          {ELIGIBLE_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="checkbox"
                checked={value.eligibleKinds.includes(kind)}
                onChange={(event) =>
                  draft.update({
                    eligibleKinds: toggle<OrganizationKind>(value.eligibleKinds, kind, event.target.checked),
                  })
                }
              />
              {t(`console.orgKind.${kind}`)}
            </label>
          ))}
          {fieldError('eligibleKinds')}
        </fieldset>
        {chooseDocuments && documents.length > 0 && (
          <fieldset>
            <legend>{t('console.builder.documents')}</legend>
            {documents.map((document) => (
              <label key={document.id} className="choice">
                <input
                  type="checkbox"
                  checked={value.documentIds.includes(document.id)}
                  onChange={(event) =>
                    draft.update({ documentIds: toggle(value.documentIds, document.id, event.target.checked) })
                  }
                />
                <bdi>{document.reference}</bdi> — <bdi>{document.title}</bdi>
              </label>
            ))}
          </fieldset>
        )}
        <section aria-labelledby={`${id}-questions`}>
          <h3 id={`${id}-questions`}>{t('console.builder.questions')}</h3>
          {fieldError('questions')}
          {value.questions.map((question, index) => (
            <QuestionEditor
              key={question.key}
              idPrefix={id}
              index={index}
              count={value.questions.length}
              question={question}
              errors={errors}
              documents={documents}
              onChange={(change) => changeQuestion(index, change)}
              onMove={(by) => moveQuestion(index, by)}
              onRemove={() => removeQuestion(index)}
            />
          ))}
          <button
            id={`${id}-add-question`}
            type="button"
            onClick={() => setQuestions([...value.questions, newQuestion()])}
          >
            {t('console.builder.addQuestion')}
          </button>
        </section>
        {apiError !== null && <ErrorMessage error={apiError} />}
        <div className="actions">
          <BusyButton type="submit" className="primary" busy={busy}>
            {submitLabel}
          </BusyButton>
          <button type="button" aria-expanded={preview} onClick={() => setPreview((shown) => !shown)}>
            {t(preview ? 'console.builder.hidePreview' : 'console.builder.showPreview')}
          </button>
        </div>
      </form>
      {preview && <ConsultationPreview draft={value} documents={documents} />}
    </div>
  );
}
