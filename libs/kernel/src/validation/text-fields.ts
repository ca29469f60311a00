import { z } from 'zod';

/** Common shapes of user text: trimmed, bounded, never blank when required, no control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A lone (unpaired) UTF-16 surrogate: not a Unicode character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored as text, or null when it can: PostgreSQL refuses NUL bytes in text, and a lone
 * surrogate is not Unicode at all (UTF-8 cannot encode it). The API refuses both at its door, for every argument
 * and variable of every operation (apps/api `inputHygiene`), and cursors are checked with it after decoding.
 */
export function unstorableTextProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return null;
}

export function singleLineText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((value) => !/[\r\n]/.test(value) && !CONTROL_CHARACTERS.test(value), 'must be a single line of text');
}

export function multiLineText(maxLength: number) {
  return z
    .string()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters');
}

export const emailAddress = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .email('must be a valid e-mail address')
  .transform((value) => value.toLowerCase());
