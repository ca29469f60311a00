/**
 * Verbatim agreement between the old text around a range and the new text around a candidate:
 * how many code units, walking outwards from the two boundaries, are identical.
 */

/** Agreement is not measured beyond this many code units on each side. */
export const SPAN_SIDE_CAP = 512;

export function agreeLeft(oldText: string, oldStart: number, newText: string, newStart: number): number {
  const max = Math.min(SPAN_SIDE_CAP, oldStart, newStart);
  let n = 0;
  while (n < max && oldText.charCodeAt(oldStart - n - 1) === newText.charCodeAt(newStart - n - 1)) n++;
  return n;
}

export function agreeRight(oldText: string, oldEnd: number, newText: string, newEnd: number): number {
  const max = Math.min(SPAN_SIDE_CAP, oldText.length - oldEnd, newText.length - newEnd);
  let n = 0;
  while (n < max && oldText.charCodeAt(oldEnd + n) === newText.charCodeAt(newEnd + n)) n++;
  return n;
}

/**
 * Evidence that old [oldStart, oldEnd) became new [newStart, newEnd): identical surroundings on
 * both sides plus the matched part of the passage (`matched` code units).
 */
export function supportSpan(
  oldText: string,
  oldStart: number,
  oldEnd: number,
  newText: string,
  newStart: number,
  newEnd: number,
  matched: number,
): number {
  return agreeLeft(oldText, oldStart, newText, newStart) + matched + agreeRight(oldText, oldEnd, newText, newEnd);
}
