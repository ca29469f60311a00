import type { AnchorTarget, TextQuoteSelector } from './anchor.types';
import { snapBackward, snapForward } from './surrogates';

export const DEFAULT_CONTEXT_LENGTH = 32;

/**
 * Builds the quote (exact + up to `contextLength` code units of prefix/suffix) of [start, end).
 * Context is shortened by one code unit rather than split a surrogate pair; the range itself is
 * clamped to the text but otherwise taken as given (use `verifyTarget` to validate it).
 */
export function describeSelection(
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): AnchorTarget {
  const s = clamp(Math.min(start, end), 0, text.length);
  const e = clamp(Math.max(start, end), 0, text.length);
  return { quote: quoteAt(text, s, e, contextLength), position: { start: s, end: e } };
}

/** Quote selector for [start, end) of `text` (offsets assumed valid). */
export function quoteAt(text: string, start: number, end: number, contextLength: number): TextQuoteSelector {
  const ctx = Math.max(0, Math.floor(contextLength));
  const prefixStart = snapForward(text, Math.max(0, start - ctx));
  const suffixEnd = snapBackward(text, Math.min(text.length, end + ctx));
  return {
    exact: text.slice(start, end),
    prefix: prefixStart < start ? text.slice(prefixStart, start) : '',
    suffix: suffixEnd > end ? text.slice(end, suffixEnd) : '',
  };
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
