/** UTF-16 surrogate-pair helpers: offsets must never fall between the two halves of a pair. */

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` lies strictly inside a surrogate pair of `text` (between high and low halves). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Moves `offset` one code unit back if it splits a pair (used for range starts and prefix starts). */
export function snapBackward(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset - 1 : offset;
}

/** Moves `offset` one code unit forward if it splits a pair (used for range ends and suffix ends). */
export function snapForward(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset + 1 : offset;
}
