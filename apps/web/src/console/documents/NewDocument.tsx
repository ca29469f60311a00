import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { fieldError } from '../../account/account-errors';
import { announce } from '../../annotations/announce';
import { useDraft } from '../../annotations/drafts';
import { CreateDocumentDocument, type DocumentKind, type Locale } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FieldProblem, invalidProps } from '../../ui/field-problem';
import { BusyButton } from '../../ui/BusyButton';

const KINDS: readonly DocumentKind[] = ['CIRCULAR', 'CONTRACT_PROGRAMME', 'OTHER'];
const LANGUAGES: readonly Locale[] = ['FR', 'AR', 'EN'];

interface DocumentDraft {
  readonly kind: DocumentKind;
  readonly reference: string;
  readonly title: string;
  readonly language: Locale;
}

const EMPTY: DocumentDraft = { kind: 'CIRCULAR', reference: '', title: '', language: 'FR' };

/**
 * A new document (a draft with no text yet): the ministry names it, then publishes its first version on the
 * publish page it opens. What is typed is kept as a draft; a refusal is said on its field and the values stay.
 */
export function NewDocument() {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const id = useId();
  const navigate = useNavigate();
  const draft = useDraft<DocumentDraft>('console:document:new', EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ reference?: boolean; title?: boolean }>({});
  const [create, { loading }] = useMutation(CreateDocumentDocument, {
    refetchQueries: ['ConsoleDocuments'],
  });
  const value = draft.value;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const reference = value.reference.trim();
    const title = value.title.trim();
    const problems = { reference: !reference, title: !title };
    setMissing(problems);
    if (problems.reference || problems.title) {
      document.getElementById(problems.reference ? `${id}-reference` : `${id}-title-field`)?.focus();
      return;
    }
    try {
      const { data } = await create({
        variables: { input: { kind: value.kind, reference, title, language: value.language } },
      });
      if (!data) return;
      draft.clear();
      announce(t('console.documents.created'));
      void navigate(`/read/${data.createDocument.document.id}/publish`);
    } catch (caught) {
      setError(caught);
    }
  }

  const referenceProblem = missing.reference
    ? t('console.documents.referenceRequired')
    : fieldError(error, 'reference');
  const titleProblem = missing.title ? t('console.documents.titleRequired') : fieldError(error, 'title');

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('console.documents.new')}</h2>
      <p className="hint">{t('console.documents.newHint')}</p>
      <form className="console-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
        <label htmlFor={`${id}-kind`}>{t('console.documents.kind')}</label>
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(event) => draft.update({ kind: event.target.value as DocumentKind })}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`console.documentKind.${kind}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-reference`}>{t('console.documents.reference')}</label>
        <input
          id={`${id}-reference`}
          type="text"
          required
          maxLength={120}
          value={value.reference}
          onChange={(event) => draft.update({ reference: event.target.value })}
          {...invalidProps(`${id}-reference`, referenceProblem)}
        />
        <FieldProblem fieldId={`${id}-reference`} problem={referenceProblem} />
        <label htmlFor={`${id}-title-field`}>{t('console.documents.title')}</label>
        <input
          id={`${id}-title-field`}
          type="text"
          required
          maxLength={300}
          value={value.title}
          onChange={(event) => draft.update({ title: event.target.value })}
          {...invalidProps(`${id}-title`, titleProblem)}
        />
        <FieldProblem fieldId={`${id}-title`} problem={titleProblem} />
        <label htmlFor={`${id}-language`}>{t('console.documents.language')}</label>
        <select
          id={`${id}-language`}
          value={value.language}
          onChange={(event) => draft.update({ language: event.target.value as Locale })}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`console.documentLanguage.${language}`)}
            </option>
          ))}
        </select>
        {error !== null && !referenceProblem && !titleProblem && <ErrorMessage error={error} />}
        <BusyButton type="submit" busy={loading}>
          {t('console.documents.create')}
        </BusyButton>
      </form>
    </section>
  );
}
