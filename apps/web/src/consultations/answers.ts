import type { AnswerInput, QuestionFieldsFragment } from '../graphql/generated/graphql';

/** One answer as the form holds it: the field that fits the question's kind (text, choices or a scale value). */
export interface AnswerValue {
  readonly text?: string | null;
  readonly choices?: readonly string[] | null;
  readonly scale?: number | null;
}

/** Answers by question id. */
export type AnswerMap = Readonly<Record<string, AnswerValue>>;

export type Question = Pick<
  QuestionFieldsFragment,
  'id' | 'position' | 'kind' | 'prompt' | 'required' | 'options' | 'maxLength' | 'scaleMin' | 'scaleMax'
> &
  Partial<Pick<QuestionFieldsFragment, 'sectionKey' | 'documentId' | 'versionNumber'>>;

/** The API's answers (one per answered question) as a map. */
export function answerMapOf(answers: readonly (AnswerValue & { questionId: string })[]): AnswerMap {
  const map: Record<string, AnswerValue> = {};
  for (const { questionId, text, choices, scale } of answers) map[questionId] = { text, choices, scale };
  return map;
}

/** Whether a value holds an answer (blank text, no choice and no scale value are no answer). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (!value) return false;
  return !!value.text?.trim() || (value.choices?.length ?? 0) > 0 || (value.scale ?? null) !== null;
}

/** A comparable form of an answer: two values that mean the same answer have the same key. */
export function answerKey(value: AnswerValue | undefined): string {
  if (!isAnswered(value)) return '';
  return JSON.stringify([value?.text?.trim() ?? null, [...(value?.choices ?? [])].sort(), value?.scale ?? null]);
}

export const sameAnswer = (a: AnswerValue | undefined, b: AnswerValue | undefined) => answerKey(a) === answerKey(b);

/** The field the API expects for each kind; an unanswered question is sent without a value (which clears it). */
export function answerInput(question: Question, value: AnswerValue | undefined): AnswerInput {
  if (!isAnswered(value)) return { questionId: question.id };
  switch (question.kind) {
    case 'TEXT':
      return { questionId: question.id, text: value?.text ?? '' };
    case 'SCALE':
      return { questionId: question.id, scale: value?.scale ?? null };
    default:
      return { questionId: question.id, choices: [...(value?.choices ?? [])] };
  }
}

/** The answers that differ from `base`, ready to save (the API keeps the others as they are). */
export function changedAnswers(questions: readonly Question[], base: AnswerMap, current: AnswerMap): AnswerInput[] {
  return questions
    .filter((question) => !sameAnswer(base[question.id], current[question.id]))
    .map((question) => answerInput(question, current[question.id]));
}

/** The whole numbers a SCALE question offers (1 to 5 unless the ministry chose another range). */
export function scaleSteps(question: Pick<Question, 'scaleMin' | 'scaleMax'>): number[] {
  const min = question.scaleMin ?? 1;
  const max = question.scaleMax ?? 5;
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, index) => min + index);
}

/** The answer in words, for the merge view, the history and the receipt. */
export function answerText(value: AnswerValue | undefined): string {
  if (!isAnswered(value)) return '';
  if (value?.text?.trim()) return value.text;
  if (value?.choices?.length) return value.choices.join(' · ');
  return String(value?.scale ?? '');
}

export interface MergeOutcome {
  /** The merged answers: each question taken from whichever side changed it. */
  readonly merged: AnswerMap;
  /** Questions both people changed, differently: the person chooses. */
  readonly conflicts: readonly string[];
  /** Questions only the other person changed: taken from them. */
  readonly takenFromThem: readonly string[];
}

/**
 * A three-way merge of answers: `base` is what the person started from, `mine` what they have now, `theirs` the
 * latest saved by someone else. A question changed on one side only takes that side; changed on both, differently, is a
 * conflict (mine is kept until the person chooses).
 */
export function mergeAnswers(
  questions: readonly Question[],
  base: AnswerMap,
  mine: AnswerMap,
  theirs: AnswerMap,
): MergeOutcome {
  const merged: Record<string, AnswerValue> = {};
  const conflicts: string[] = [];
  const takenFromThem: string[] = [];
  for (const { id } of questions) {
    const iChanged = !sameAnswer(base[id], mine[id]);
    const theyChanged = !sameAnswer(base[id], theirs[id]);
    if (theyChanged && !iChanged) {
      takenFromThem.push(id);
      if (theirs[id]) merged[id] = theirs[id];
    } else if (mine[id]) merged[id] = mine[id];
    if (iChanged && theyChanged && !sameAnswer(mine[id], theirs[id])) conflicts.push(id);
  }
  return { merged, conflicts, takenFromThem };
}
