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

/**
 * Characters that change nothing visible, or change the direction of what follows: every Default_Ignorable code
 * point (zero-width space, word joiner, BOM, soft hyphen, Hangul fillers, tag characters, …), every bidi control
 * (LRM/RLM/ALM marks, embeddings, overrides, isolates) and the interlinear annotation marks. In names and titles
 * they serve only to impersonate ("FMO" + U+200B) or to reverse text (U+202E), so they are refused there, with
 * two deliberate exceptions kept where they belong:
 * - ZWNJ (U+200C) and ZWJ (U+200D) BETWEEN two letters, digits or emoji: Persian, Urdu and some Arabic spellings
 *   need ZWNJ inside words (می‌خواهد), emoji sequences need ZWJ (👩‍💻). At an edge, doubled, or next to a space,
 *   they are refused. Organisation names are compared with them removed (foldName), so they cannot make a
 *   look-alike of an existing name.
 * - variation selectors (U+FE00–FE0F, U+E0100–E01EF) right after a visible character (emoji presentation).
 * Names are displayed in isolated bidi contexts (dir="auto"), so mixed Arabic/Latin names need no direction marks.
 */
const INVISIBLE_OR_BIDI = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\uFFF9-\uFFFB]/u;
const JOINABLE = '[\\p{L}\\p{M}\\p{N}\\p{Extended_Pictographic}\\u{1F3FB}-\\u{1F3FF}\\uFE0F]';
// eslint-disable-next-line no-misleading-character-class -- matching lone joiners is the point
const JOINER_INSIDE_WORD = new RegExp(`(?<=${JOINABLE})[\\u200C\\u200D](?=${JOINABLE})`, 'gu');
const VARIATION_SELECTOR_AFTER_VISIBLE =
  /(?<=[^\s\p{Default_Ignorable_Code_Point}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
const INVISIBLE_MESSAGE = 'must not contain invisible or direction-changing characters (zero-width, bidi controls)';

/** Whether a name or title holds an invisible or direction-changing character outside the allowed places. */
export function hasInvisibleCharacters(value: string): boolean {
  return INVISIBLE_OR_BIDI.test(value.replace(JOINER_INSIDE_WORD, '').replace(VARIATION_SELECTOR_AFTER_VISIBLE, ''));
}

/**
 * The form two organisation names are compared on: NFKC (full-width, ligatures, composed accents), every
 * invisible character removed (ZWNJ/ZWJ included), case folded (upper then lower: ß→ss, ς→σ), runs of spaces made
 * one. Stored beside the name and unique in the database, so a look-alike of an existing name is a CONFLICT.
 */
export function foldName(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\uFFF9-\uFFFB]/gu, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Names and titles (organisation and space names, display names, thread, document and consultation titles, short
 * labels): normalised to NFKC and trimmed, bounded, one line, no control, invisible or direction-changing
 * characters (see INVISIBLE_OR_BIDI for the two exceptions).
 */
export function singleLineText(maxLength: number) {
  return z
    .string()
    .transform((value) => value.normalize('NFKC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(maxLength, `must be at most ${maxLength} characters`)
        .refine((value) => !/[\r\n]/.test(value) && !CONTROL_CHARACTERS.test(value), 'must be a single line of text')
        .refine((value) => !hasInvisibleCharacters(value), INVISIBLE_MESSAGE),
    );
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
