import type { AnchorTarget, TextPositionSelector } from './anchor.types';

const MAX_OCCURRENCES = 1000;

/**
 * The range of the old text a target designates. Normally its position (when the exact quote is
 * there); if the position is stale or invalid, the occurrence of the exact quote whose context
 * agrees best (then nearest to the stated start). Null when the quote is empty or absent.
 */
export function resolveOldRange(oldText: string, target: AnchorTarget): TextPositionSelector | null {
  const { exact, prefix, suffix } = target.quote;
  if (exact.length === 0) return null;
  const { start } = target.position;
  if (Number.isInteger(start) && start >= 0 && oldText.startsWith(exact, start)) {
    return { start, end: start + exact.length };
  }
  let best: { start: number; agreement: number; distance: number } | null = null;
  let count = 0;
  for (
    let i = oldText.indexOf(exact);
    i !== -1 && count < MAX_OCCURRENCES;
    i = oldText.indexOf(exact, i + 1), count++
  ) {
    const agreement = (oldText.endsWith(prefix, i) ? 1 : 0) + (oldText.startsWith(suffix, i + exact.length) ? 1 : 0);
    const distance = Number.isFinite(start) ? Math.abs(i - start) : i;
    if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) {
      best = { start: i, agreement, distance };
    }
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}
