import { InvalidInputError } from '../errors/domain-error';

/** Opaque cursors: the keyset position of a row, base64url-encoded JSON. Clients must not parse them. */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorKey {
  try {
    if (cursor.length > 512) throw new Error('too long');
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length > 0 &&
      key.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw InvalidInputError.field(field, 'is not a valid cursor');
}
