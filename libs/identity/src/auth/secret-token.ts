import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer secret handed to a client once; only its SHA-256 is stored (the secret has 256 bits of entropy). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A bearer secret derived from a row's id under a server key (HMAC-SHA-256): only its hash is stored, and a job
 * that e-mails it carries the row's id, not the secret, so nothing in the database gives the link away.
 */
export function derivedSecret(key: string, purpose: string, id: string): string {
  return createHmac('sha256', key).update(`${purpose}\u0000${id}`, 'utf8').digest('base64url');
}
