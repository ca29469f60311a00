import { z } from 'zod';

/** Common shapes of user text: trimmed, bounded, never blank when required, no control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

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
