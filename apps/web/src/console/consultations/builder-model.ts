import type {
  ConsoleConsultationFieldsFragment,
  CreateConsultationInput,
  OrganizationKind,
  QuestionInput,
  QuestionKind,
} from '../../graphql/generated/graphql';

/** The builder's form, as typed (strings where the person types, so nothing they typed is lost on an error). */
export interface QuestionDraft {
  readonly key: string;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly required: boolean;
  /** One option per line (choice questions). */
  readonly options: string;
  readonly scaleMin: string;
  readonly scaleMax: string;
  readonly maxLength: string;
  /** `<documentId>|<sectionKey>` (an article of the document's latest version), or '' for no citation. */
  readonly citation: string;
}

export interface BuilderDraft {
  readonly title: string;
  readonly summary: string;
  /** `datetime-local` values, in the person's time zone. */
  readonly opensAt: string;
  readonly closesAt: string;
  readonly eligibleKinds: readonly OrganizationKind[];
  readonly documentIds: readonly string[];
  readonly questions: readonly QuestionDraft[];
}

export const QUESTION_KINDS: readonly QuestionKind[] = ['TEXT', 'SINGLE_CHOICE', 'MULTI_CHOICE', 'SCALE'];
export const ELIGIBLE_KINDS: readonly OrganizationKind[] = ['FEDERATION', 'COMPANY', 'INSTITUTION'];

let counter = 0;
export const newQuestion = (kind: QuestionKind = 'TEXT'): QuestionDraft => ({
  key: `q${Date.now().toString(36)}${(counter++).toString(36)}`,
  kind,
  prompt: '',
  required: false,
  options: '',
  scaleMin: '1',
  scaleMax: '5',
  maxLength: '',
  citation: '',
});

/** `datetime-local` text for a date, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyBuilder(now = new Date()): BuilderDraft {
  const opens = new Date(now.getTime() + 24 * 3600_000);
  opens.setMinutes(0, 0, 0);
  return {
    title: '',
    summary: '',
    opensAt: toLocalInput(opens),
    closesAt: toLocalInput(new Date(opens.getTime() + 14 * 24 * 3600_000)),
    eligibleKinds: ['FEDERATION'],
    documentIds: [],
    questions: [newQuestion()],
  };
}

export function builderFrom(consultation: ConsoleConsultationFieldsFragment): BuilderDraft {
  const documentId = consultation.documents[0]?.id ?? '';
  return {
    title: consultation.title,
    summary: consultation.summary,
    opensAt: toLocalInput(new Date(consultation.opensAt)),
    closesAt: toLocalInput(new Date(consultation.closesAt)),
    eligibleKinds: consultation.eligibleKinds,
    documentIds: consultation.documents.map((document) => document.id),
    questions: consultation.questions.map((question) => ({
      key: question.id,
      kind: question.kind,
      prompt: question.prompt,
      required: question.required,
      options: question.options.join('\n'),
      scaleMin: String(question.scaleMin ?? 1),
      scaleMax: String(question.scaleMax ?? 5),
      maxLength: question.maxLength ? String(question.maxLength) : '',
      // The API gives back the article's key; the version is the document's latest one, chosen again on save.
      citation: question.sectionKey && documentId ? `${documentId}|${question.sectionKey}` : '',
    })),
  };
}

export const optionsOf = (question: Pick<QuestionDraft, 'options'>): string[] =>
  question.options
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Problems by field (`title`, `closesAt`, `questions.2.options`…): message ids of `console.builder.error.*`. */
export type BuilderErrors = Record<string, string>;

export function validateBuilder(draft: BuilderDraft): BuilderErrors {
  const errors: BuilderErrors = {};
  if (!draft.title.trim()) errors['title'] = 'console.builder.error.title';
  const opens = Date.parse(draft.opensAt);
  const closes = Date.parse(draft.closesAt);
  if (Number.isNaN(opens)) errors['opensAt'] = 'console.builder.error.date';
  if (Number.isNaN(closes)) errors['closesAt'] = 'console.builder.error.date';
  else if (!Number.isNaN(opens) && closes <= opens) errors['closesAt'] = 'console.builder.error.closesBeforeOpens';
  if (draft.eligibleKinds.length === 0) errors['eligibleKinds'] = 'console.builder.error.eligibility';
  if (draft.questions.length === 0) errors['questions'] = 'console.builder.error.noQuestion';
  draft.questions.forEach((question, index) => {
    if (!question.prompt.trim()) errors[`questions.${index}.prompt`] = 'console.builder.error.prompt';
    if (question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE') {
      const options = optionsOf(question);
      if (options.length < 2) errors[`questions.${index}.options`] = 'console.builder.error.options';
      else if (new Set(options).size !== options.length)
        errors[`questions.${index}.options`] = 'console.builder.error.duplicateOptions';
    }
    if (question.kind === 'SCALE') {
      const min = Number(question.scaleMin);
      const max = Number(question.scaleMax);
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max <= min || max - min > 10)
        errors[`questions.${index}.scale`] = 'console.builder.error.scale';
    }
    if (question.maxLength && !(Number(question.maxLength) > 0))
      errors[`questions.${index}.maxLength`] = 'console.builder.error.maxLength';
  });
  return errors;
}

/** The latest version of each document, to cite an article of it. */
export type LatestVersions = ReadonlyMap<string, number>;

function questionInput(question: QuestionDraft, latest: LatestVersions): QuestionInput {
  const [documentId = '', sectionKey = ''] = question.citation.split('|');
  const versionNumber = latest.get(documentId);
  const base: QuestionInput = { kind: question.kind, prompt: question.prompt.trim(), required: question.required };
  if (documentId && sectionKey && versionNumber) base.citation = { documentId, versionNumber, sectionKey };
  if (question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE') base.options = optionsOf(question);
  if (question.kind === 'SCALE') {
    base.scaleMin = Number(question.scaleMin);
    base.scaleMax = Number(question.scaleMax);
  }
  if (question.kind === 'TEXT' && question.maxLength) base.maxLength = Number(question.maxLength);
  return base;
}

export function toCreateInput(draft: BuilderDraft, latest: LatestVersions): CreateConsultationInput {
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    opensAt: new Date(draft.opensAt).toISOString(),
    closesAt: new Date(draft.closesAt).toISOString(),
    eligibleKinds: [...draft.eligibleKinds],
    documentIds: [...draft.documentIds],
    questions: draft.questions.map((question) => questionInput(question, latest)),
  };
}
