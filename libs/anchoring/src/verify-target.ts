import type { AnchorTarget, VerifyResult } from './anchor.types';
import { splitsSurrogatePair } from './surrogates';

/**
 * Checks that `target` describes `text`: 0 ≤ start < end ≤ text.length, the exact quote is found
 * at the position, the prefix ends right before start and the suffix starts right after end
 * (empty context is allowed), and neither offset falls inside a surrogate pair.
 */
export function verifyTarget(text: string, target: AnchorTarget): VerifyResult {
  const { start, end } = target.position;
  const { exact, prefix, suffix } = target.quote;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    return { ok: false, reason: 'OUT_OF_RANGE' };
  }
  if (start === end || exact.length === 0) return { ok: false, reason: 'EMPTY' };
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return { ok: false, reason: 'SPLITS_SURROGATE_PAIR' };
  }
  if (text.slice(start, end) !== exact) return { ok: false, reason: 'QUOTE_MISMATCH' };
  if (prefix.length > start || !text.startsWith(prefix, start - prefix.length)) {
    return { ok: false, reason: 'QUOTE_MISMATCH' };
  }
  if (!text.startsWith(suffix, end)) return { ok: false, reason: 'QUOTE_MISMATCH' };
  return { ok: true };
}
