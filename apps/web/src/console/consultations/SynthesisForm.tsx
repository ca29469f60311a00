import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../../annotations/announce';
import { useDraft } from '../../annotations/drafts';
import { MarkdownField } from '../../annotations/MarkdownField';
import { WriteConsultationSynthesisDocument } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { BusyButton } from '../../ui/BusyButton';

interface SynthesisDraft {
  readonly synthesis: string;
  readonly responses: Readonly<Record<string, string>>;
}

/** The ministry's synthesis (Markdown) and its response to each question, shown with the results. */
export function SynthesisForm({
  consultationId,
  synthesis,
  questions,
}: {
  readonly consultationId: string;
  readonly synthesis: string | null | undefined;
  readonly questions: readonly { readonly id: string; readonly prompt: string; readonly response: string | null }[];
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const id = useId();
  const draft = useDraft<SynthesisDraft>(`console:synthesis:${consultationId}`, {
    synthesis: synthesis ?? '',
    responses: Object.fromEntries(questions.map((question) => [question.id, question.response ?? ''])),
  });
  const [checked, setChecked] = useState(false);
  const [write, { loading, error }] = useMutation(WriteConsultationSynthesisDocument, {
    refetchQueries: ['ConsoleResults'],
  });
  const missing = checked && !draft.value.synthesis.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!draft.value.synthesis.trim()) return;
    try {
      await write({
        variables: {
          input: {
            id: consultationId,
            synthesis: draft.value.synthesis,
            responses: Object.entries(draft.value.responses)
              .filter(([, response]) => response.trim())
              .map(([questionId, response]) => ({ questionId, response })),
          },
        },
      });
      draft.clear();
      announce(t('console.synthesis.saved'));
    } catch {
      // Shown below; the draft is kept.
    }
  }

  return (
    <form onSubmit={submit} noValidate className="synthesis-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <FormattedMessage id="console.synthesis.title" />
      </h3>
      <MarkdownField
        label={t('console.synthesis.synthesis')}
        value={draft.value.synthesis}
        onChange={(value) => draft.update({ synthesis: value })}
        error={missing ? t('console.synthesis.required') : null}
      />
      {questions.map((question, index) => (
        <div className="field" key={question.id}>
          <label htmlFor={`${id}-${question.id}`}>
            {t('console.synthesis.response', { number: index + 1, prompt: question.prompt })}
          </label>
          <textarea
            id={`${id}-${question.id}`}
            rows={2}
            dir="auto"
            value={draft.value.responses[question.id] ?? ''}
            onChange={(event) =>
              draft.update({ responses: { ...draft.value.responses, [question.id]: event.target.value } })
            }
          />
        </div>
      ))}
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={loading}>
          <FormattedMessage id="console.synthesis.save" />
        </BusyButton>
      </div>
    </form>
  );
}
