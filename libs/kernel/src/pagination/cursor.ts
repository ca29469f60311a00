import { InvalidInputError } from '../errors/domain-error';
import { isId } from '../ids/id';
import { unstorableTextProblem } from '../validation/text-fields';

/** Opaque cursors: the keyset position of a row, base64url-encoded JSON. Clients must not parse them. */
export type CursorKey = readonly (string | number)[];

/** The SQL types a keyset position is made of; a cursor's parts are checked against them before reaching SQL. */
export type CursorPartType = 'text' | 'uuid' | 'timestamptz' | 'integer' | 'boolean';

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
  throw invalidCursor(field);
}

/**
 * The parts of a decoded cursor, checked one by one against the SQL types of the ordering they position in:
 * a cursor forged to hold a malformed uuid, a non-date, a NUL byte or too many parts answers BAD_USER_INPUT here
 * instead of failing in PostgreSQL. Every keyset query goes through this (applyKeyset does it for query builders).
 */
export function cursorValues(
  key: CursorKey,
  types: readonly CursorPartType[],
  field = 'after',
): (string | number | boolean)[] {
  if (key.length !== types.length) throw invalidCursor(field);
  return types.map((type, index) => {
    const part = key[index];
    switch (type) {
      case 'uuid':
        if (isId(part)) return part;
        break;
      case 'integer':
        if (typeof part === 'number' && Number.isSafeInteger(part) && Math.abs(part) <= 2 ** 31 - 1) return part;
        break;
      case 'boolean':
        if (part === 'true' || part === 1) return true;
        if (part === 'false' || part === 0) return false;
        break;
      case 'timestamptz':
        if (typeof part === 'string' && ISO_INSTANT.test(part) && !Number.isNaN(Date.parse(part))) return part;
        break;
      case 'text':
        if (typeof part === 'string' && unstorableTextProblem(part) === null) return part;
        break;
    }
    throw invalidCursor(field);
  });
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function invalidCursor(field: string): InvalidInputError {
  return InvalidInputError.field(field, 'is not a valid cursor');
}
