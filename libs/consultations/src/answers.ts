import { createHash } from 'node:crypto';
import { FieldErrors } from '@majlis/kernel';
import type { ConsultationQuestion } from './consultation.entity';
import type { AnswerInput } from './consultation.inputs';

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
    case 'SCALE':
      return Number.isInteger(answer) && (answer as number) >= 1 && (answer as number) <= 5
        ? null
        : 'must be a whole number from 1 to 5';
  }
}

/** Turns client answers (text, choices or scale) into stored values by the question's kind; null clears an answer. */
export function storedAnswers(
  questions: readonly ConsultationQuestion[],
  answers: readonly AnswerInput[],
): Record<string, unknown> {
  const kinds = new Map(questions.map((question) => [question.id, question.kind]));
  const stored: Record<string, unknown> = {};
  for (const answer of answers) {
    switch (kinds.get(answer.questionId)) {
      case 'TEXT':
        stored[answer.questionId] = answer.text ?? null;
        break;
      case 'SINGLE_CHOICE':
        stored[answer.questionId] =
          answer.choices?.length === 1 ? answer.choices[0] : answer.choices?.length ? answer.choices : null;
        break;
      case 'MULTI_CHOICE':
        stored[answer.questionId] = answer.choices ?? null;
        break;
      case 'SCALE':
        stored[answer.questionId] = answer.scale ?? null;
        break;
      default:
        stored[answer.questionId] = answer.text ?? answer.choices ?? answer.scale ?? null;
    }
  }
  return stored;
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

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
