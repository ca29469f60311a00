/**
 * Batched audience checks of live updates: many "who among these people may read this subject now?" questions
 * answered in one statement. Each area writes its statement from its own policies' SQL twins; this module only
 * carries the questions into SQL (as (question, subject, person) pairs) and the answers back.
 */

/** One question: who among `userIds` may read the subject now (or, with `despiteRemoval`, could read it apart from its deletion or hiding). */
export interface ReadersQuestion {
  readonly subjectId: string;
  readonly userIds: readonly string[];
  readonly despiteRemoval: boolean;
}

/** Runs a statement and answers its rows: a TypeORM DataSource or EntityManager, or a pool wrapped to answer rows. */
export interface RowsRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The FROM item of a batch's pairs, with `$1…$4` bound by `readersQuestionsParams`: one row per question and person,
 * `question(i, subject_id, user_id, despite_removal)` (`i` the question's index in the batch).
 */
export const READERS_QUESTIONS_SQL = `unnest($1::int[], $2::uuid[], $3::uuid[], $4::bool[])
  AS question(i, subject_id, user_id, despite_removal)`;

/** The parameters `$1…$4` of READERS_QUESTIONS_SQL: the questions' pairs as four parallel arrays. */
export function readersQuestionsParams(questions: readonly ReadersQuestion[]): unknown[] {
  const indexes: number[] = [];
  const subjects: string[] = [];
  const users: string[] = [];
  const removals: boolean[] = [];
  questions.forEach((question, i) => {
    for (const userId of question.userIds) {
      indexes.push(i);
      subjects.push(question.subjectId);
      users.push(userId);
      removals.push(question.despiteRemoval);
    }
  });
  return [indexes, subjects, users, removals];
}

/** The statement's rows `{ i, user_id }` (who may read, per question) as one set of readers per question, in order. */
export function readersAnswers(questions: readonly ReadersQuestion[], rows: unknown): Set<string>[] {
  const answers = questions.map(() => new Set<string>());
  for (const row of rows as { i: number; user_id: string }[]) answers[row.i].add(row.user_id);
  return answers;
}

/**
 * Answers a batch with one area statement written over READERS_QUESTIONS_SQL (selecting `question.i` and the
 * reader's id as `user_id`): nothing is asked when no question names anyone; one set of readers per question.
 */
export async function answerReadersQuestions(
  db: RowsRunner,
  questions: readonly ReadersQuestion[],
  statement: string,
): Promise<Set<string>[]> {
  if (questions.every((question) => question.userIds.length === 0)) return questions.map(() => new Set());
  return readersAnswers(questions, await db.query(statement, readersQuestionsParams(questions)));
}
