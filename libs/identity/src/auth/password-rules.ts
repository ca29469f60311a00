import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { InvalidInputError } from '@majlis/kernel';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Words of this platform that attackers try first (zxcvbn's "site-specific words"): a password containing one is
 * refused, and with it the README's documented demo password.
 */
const SITE_WORDS = ['majlis', 'mtnra', 'circulaire'];

/** Who is choosing the password: their own name and e-mail address must not be in it. */
export interface PasswordOwner {
  readonly email: string;
  readonly displayName?: string | null;
}

let breached: Set<string> | null = null;
let estimator: ZxcvbnFactory | null = null;

/**
 * zxcvbn and its dictionaries, loaded at the first password check rather than at start-up (they are a noticeable
 * part of the API's module loading, and most starts never check a password).
 */
function zxcvbn() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ZxcvbnFactory: (require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core')).ZxcvbnFactory,
    common: require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common'),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * The password rules, for every new password (accounts created by invitation, password changes), as NIST SP
 * 800-63B advises: length first, then a refusal of what attackers try first — a list of common and breached
 * passwords (zxcvbn-ts' common list, shipped in the package, nothing fetched), the person's own name and e-mail,
 * the platform's name — and zxcvbn's estimate for the rest (repeats, sequences, keyboard walks, variations of
 * common passwords). Returns what is wrong, or null.
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const folded = fold(password);
  const { ZxcvbnFactory, common } = zxcvbn();
  breached ??= new Set(common.dictionary['passwords-common'].map(fold));
  if (breached.has(folded)) return 'is in a list of common or breached passwords; choose another';
  const personal = personalWords(owner);
  if (personal.some((word) => folded.includes(word))) return 'must not contain your name or e-mail address';
  if (SITE_WORDS.some((word) => folded.includes(word))) return 'must not contain the name of the platform';
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, userInputs: SITE_WORDS },
    graphs: common.adjacencyGraphs,
  });
  const estimate = estimator.check(password, personal);
  if (estimate.score < 3) return 'is too easy to guess (a common word, pattern or repetition); choose another';
  return null;
}

/** Throws BAD_USER_INPUT on `field` when the password breaks a rule. */
export function ensureStrongPassword(password: string, owner: PasswordOwner, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw InvalidInputError.field(field, problem);
}

/** The person's name parts and e-mail parts, of three characters or more, folded. */
function personalWords(owner: PasswordOwner): string[] {
  const [local = '', domain = ''] = owner.email.split('@');
  const domainLabels = domain.split('.').slice(0, -1);
  const parts = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...domainLabels, ...(owner.displayName ?? '').split(/\s+/)];
  return [...new Set(parts.map(fold).filter((word) => word.length >= 3))].filter(
    (word) => !['example', 'mail', 'gmail', 'hotmail', 'outlook', 'yahoo'].includes(word),
  );
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
