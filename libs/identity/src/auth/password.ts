import * as argon2 from 'argon2';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** argon2id with OWASP's recommended floor (19 MiB, 2 iterations); the parameters travel inside each hash. */
const HASH_OPTIONS: argon2.Options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const COMMON_PASSWORDS = new Set([
  'password1234',
  'motdepasse123',
  'azertyuiop12',
  'qwertyuiop12',
  '123456789012',
  'administrator',
  'majlismajlis',
  'bienvenue2026',
  'welcome12345',
  'passwordpassword',
]);

/** Length first (as NIST SP 800-63B advises), plus a refusal of the obvious. */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), 'is too common; choose another')
  .refine((value) => new Set(value).size >= 5, 'is too repetitive; choose another');

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | null = null;
/** Verifies against a throw-away hash so that an unknown e-mail costs as much time as a wrong password. */
export async function spendVerificationTime(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-never-matches');
  await verifyPassword(await decoyHash, password);
}
