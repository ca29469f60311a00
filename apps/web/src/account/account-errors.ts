import { CombinedGraphQLErrors } from '@apollo/client';
import { describeError } from '../app/errors';

/** A password check that failed (changing it, deleting the account): said on the password field, not as a session problem. */
export function isWrongPassword(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some(
      (e) => e.extensions?.['code'] === 'UNAUTHENTICATED' && e.extensions?.['reason'] === 'WRONG_PASSWORD',
    )
  );
}

/** The API's message for one input field (BAD_USER_INPUT), to show under that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (error === null || error === undefined) return undefined;
  return describeError(error).fields?.[field];
}

/**
 * The API's reason for refusing a new password (password-rules.ts speaks English), as a message id of this area;
 * an unknown reason falls back to a sentence that quotes it.
 */
const PASSWORD_PROBLEMS: readonly [RegExp, string][] = [
  [/at least/, 'account.password.tooShort'],
  [/common or breached/, 'account.password.problem.common'],
  [/your name or e-mail/, 'account.password.problem.personal'],
  [/name of the platform/, 'account.password.problem.platform'],
  [/too easy to guess/, 'account.password.problem.guessable'],
  [/must differ/, 'account.password.same'],
];

export function passwordProblemId(reason: string): string | null {
  return PASSWORD_PROBLEMS.find(([pattern]) => pattern.test(reason))?.[1] ?? null;
}
