import { createHash } from 'node:crypto';
import { FieldErrors } from '@majlis/kernel';
import { DEFAULT_SCALE } from '../consultation/consultation.entity';
import type { ConsultationQuestion, QuestionKind } from '../consultation/consultation.entity';
import type { AnswerInput } from '../consultation/consultation.inputs';

/**
 * Checks answers against the questions: kinds, options, scales, lengths — and, for a submission, that every
 * required question is answered. Returns one message per problem, keyed `answers.<question position>`.
 */
export function answerProblems(
  questions: readonly ConsultationQuestion[],
  answers: Record<string, unknown>,
  submitting: boolean,
): FieldErrors {
  const problems: FieldErrors = {};
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const id of Object.keys(answers))
    if (!byId.has(id)) problems[`answers.${id}`] = 'is not a question of this consultation';
  for (const question of questions) {
    const key = `answers.${question.position}`;
    const answer = answers[question.id];
    if (answer === undefined || answer === null || answer === '' || (Array.isArray(answer) && answer.length === 0)) {
      if (submitting && question.required) problems[key] = 'is required';
      continue;
    }
    const problem = problemWith(question, answer);
    if (problem) problems[key] = problem;
  }
  return problems;
}

function problemWith(question: ConsultationQuestion, answer: unknown): string | null {
  switch (question.kind) {
    case 'TEXT':
      if (typeof answer !== 'string') return 'must be text';
      return answer.length > (question.maxLength ?? 10_000)
        ? `must be at most ${question.maxLength ?? 10_000} characters`
        : null;
    case 'SINGLE_CHOICE':
      return typeof answer === 'string' && question.options.includes(answer) ? null : 'must be one of the options';
    case 'MULTI_CHOICE':
      return Array.isArray(answer) &&
        answer.every((item) => typeof item === 'string' && question.options.includes(item)) &&
        new Set(answer).size === answer.length
        ? null
        : 'must be distinct options of the question';
    case 'SCALE': {
      const { min, max } = scaleOf(question);
      return Number.isInteger(answer) && (answer as number) >= min && (answer as number) <= max
        ? null
        : `must be a whole number from ${min} to ${max}`;
    }
  }
}

/** Which field of an answer carries each kind of question, in and out. */
const FIELD_OF: Record<QuestionKind, 'text' | 'choices' | 'scale'> = {
  TEXT: 'text',
  SINGLE_CHOICE: 'choices',
  MULTI_CHOICE: 'choices',
  SCALE: 'scale',
};

/**
 * Turns client answers into stored values by the question's kind (null clears an answer): TEXT → its text,
 * SINGLE_CHOICE → the chosen option (a string, as receipts have always certified it), MULTI_CHOICE → the options,
 * SCALE → the number. An answer given in a field that does not fit the question's kind is a problem, never dropped.
 */
export function storedAnswers(
  questions: readonly ConsultationQuestion[],
  answers: readonly AnswerInput[],
): { stored: Record<string, unknown>; problems: FieldErrors } {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const stored: Record<string, unknown> = {};
  const problems: FieldErrors = {};
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    const given = (['text', 'choices', 'scale'] as const).filter(
      (field) => answer[field] !== undefined && answer[field] !== null,
    );
    if (!question) {
      stored[answer.questionId] = answer.text ?? answer.choices ?? answer.scale ?? null;
      continue;
    }
    const field = FIELD_OF[question.kind];
    const key = `answers.${question.position}`;
    if (given.some((other) => other !== field)) {
      problems[key] = `answer a ${question.kind} question with \`${field}\` only`;
      continue;
    }
    if (question.kind === 'SINGLE_CHOICE' && (answer.choices?.length ?? 0) > 1) {
      problems[key] = 'choose one option';
      continue;
    }
    stored[question.id] = question.kind === 'SINGLE_CHOICE' ? (answer.choices?.[0] ?? null) : (answer[field] ?? null);
  }
  return { stored, problems };
}

/** An answer as it is read back: in the field it was given in (choices for both kinds of choice). */
export interface AnswerView {
  readonly questionId: string;
  readonly text: string | null;
  readonly choices: string[] | null;
  readonly scale: number | null;
}

/** The stored answers in the shape clients give them, in the order of the questions. */
export function answerViews(questions: readonly ConsultationQuestion[], stored: Record<string, unknown>): AnswerView[] {
  const known = new Set(questions.map((question) => question.id));
  const views = questions
    .filter((question) => stored[question.id] !== undefined && stored[question.id] !== null)
    .map((question) => viewOf(question.id, question.kind, stored[question.id]));
  // Answers to questions no longer asked (none, once questions are frozen) still come back as they are stored.
  for (const [questionId, value] of Object.entries(stored))
    if (!known.has(questionId) && value !== null) views.push(viewOf(questionId, null, value));
  return views;
}

function viewOf(questionId: string, kind: QuestionKind | null, value: unknown): AnswerView {
  const choice = kind === 'SINGLE_CHOICE' || kind === 'MULTI_CHOICE' || (kind === null && Array.isArray(value));
  return {
    questionId,
    text: !choice && typeof value === 'string' ? value : null,
    choices: choice ? (Array.isArray(value) ? value.map(String) : [String(value)]) : null,
    scale: !choice && typeof value === 'number' ? value : null,
  };
}

/** What a receipt certifies, in canonical JSON: consultation, organisation, consent, answers by question position. */
export function canonicalContribution(
  consultationId: string,
  organizationId: string,
  consent: string,
  questions: readonly ConsultationQuestion[],
  answers: Record<string, unknown>,
  contributors: readonly string[] = [],
): string {
  const ordered = [...questions]
    .sort((a, b) => a.position - b.position)
    .map((question) => ({ position: question.position, answer: answers[question.id] ?? null }));
  return JSON.stringify({
    consultation: consultationId,
    organization: organizationId,
    consent,
    answers: ordered,
    contributors: [...contributors].sort(),
  });
}

/** A SCALE question's range (1 to 5 unless its author chose another). */
export function scaleOf(question: Pick<ConsultationQuestion, 'scaleMin' | 'scaleMax'>): { min: number; max: number } {
  return { min: question.scaleMin ?? DEFAULT_SCALE.min, max: question.scaleMax ?? DEFAULT_SCALE.max };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
