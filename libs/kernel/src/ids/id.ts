import { InvalidInputError } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Checks that an id given by a client is well-formed before it reaches SQL; `field` names it in the error. */
export function parseId(value: unknown, field = 'id'): string {
  if (!isId(value)) throw InvalidInputError.field(field, 'is not a valid id');
  return value.toLowerCase();
}
