import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed one-click unsubscribe token of a person: their id and an HMAC of it under the server key, so that
 * nobody can unsubscribe someone else by guessing, and no login is needed to stop e-mails.
 */
export function unsubscribeToken(key: string, userId: string): string {
  return `${userId}.${signature(key, userId)}`;
}

/** The person a token unsubscribes, or null when its signature does not match. */
export function verifyUnsubscribeToken(key: string, token: string): string | null {
  const [userId, given] = token.split('.');
  if (!userId || !given || !/^[0-9a-f-]{36}$/.test(userId)) return null;
  const expected = Buffer.from(signature(key, userId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? userId : null;
}

function signature(key: string, userId: string): string {
  return createHmac('sha256', key).update(`unsubscribe\u0000${userId}`, 'utf8').digest('base64url');
}
