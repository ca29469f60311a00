import { z } from 'zod';
import { FieldErrors, InvalidInputError } from '../errors/domain-error';

/**
 * Validates untrusted input against a zod schema and returns the parsed (trimmed, normalised) value,
 * or throws an InvalidInputError listing one message per invalid field. A schema for a single value (not an object)
 * names that value `field` in the error.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, field = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(fieldErrorsOf(result.error, field));
}

/** One message per field path; issues about the value as a whole are reported under `field`. */
export function fieldErrorsOf(error: z.ZodError, field = 'input'): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.join('.') : field;
    fields[path] ??= issue.message;
  }
  return fields;
}
