import { isHighSurrogate } from './surrogates';

/**
 * Tokenizers for the multi-level diff.
 * - units (`splitUnits`): lines and sentences, cut at content-defined places so that an edit
 *   elsewhere never shifts the cuts;
 * - words (`tokenize`): runs of letters/digits/marks (any script, Arabic included), runs of
 *   whitespace, and single code points of anything else (punctuation, emoji).
 * No token ever splits a surrogate pair.
 */

export interface Tokens {
  readonly words: string[];
  /** starts[i] = offset of token i (relative to the tokenized string, plus `base`); starts[n] = end. */
  readonly starts: Int32Array;
}

const WORD_RE = /[\p{L}\p{N}\p{M}_]+|\s+|[^]/gu;

export function tokenize(text: string, base = 0): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    starts.push(base + m.index);
    words.push(m[0]);
  }
  starts.push(base + text.length);
  return { words, starts: Int32Array.from(starts) };
}

/** Sentence terminators (Latin, Arabic, CJK) after which a unit may end. */
const TERMINATORS = new Set(['.', '!', '?', ';', ':', '؟', '؛', '。', '\u06d4']);
/** Units without terminator are cut at content-chosen spaces once this long... */
const SOFT_UNIT_LENGTH = 400;
/** ...and unconditionally (at a code point boundary) once this long. */
const HARD_UNIT_LENGTH = 4000;

/**
 * Splits into lines and sentences: a unit ends after a newline, or after a terminator followed
 * by spaces — but only once it holds a letter, so that enumerators ("4. ") and blank lines stick
 * to the next sentence instead of becoming weak, ambiguous units. Units longer than
 * SOFT_UNIT_LENGTH are also cut after a space whose preceding character falls in a chosen
 * bucket (content-defined, hence stable under edits elsewhere); HARD_UNIT_LENGTH bounds units of
 * text without spaces.
 */
export function splitUnits(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  let unitStart = 0;
  let hasLetter = false;
  const cut = (end: number): void => {
    if (end <= unitStart) return;
    starts.push(unitStart);
    words.push(text.slice(unitStart, end));
    unitStart = end;
    hasLetter = false;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (!hasLetter && isLetterLike(code)) hasLetter = true;
    if (!hasLetter) continue;
    if (code === 0x0a) {
      cut(i + 1);
    } else if (TERMINATORS.has(text[i]) && i + 1 < n && isSpace(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 0x0a && isSpace(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) === 0x0a) j++;
      cut(j);
      i = j - 1;
    } else if (code === 0x20 && i - unitStart >= SOFT_UNIT_LENGTH && text.charCodeAt(i - 1) % 7 === 0) {
      cut(i + 1);
    } else if (i + 1 - unitStart >= HARD_UNIT_LENGTH && !isHighSurrogate(code)) {
      cut(i + 1);
    }
  }
  cut(n);
  starts.push(n);
  return { words, starts: Int32Array.from(starts) };
}

/** ASCII letters, or any non-ASCII code unit that is not a space (cheap, good enough for cutting). */
function isLetterLike(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code > 0x7f && !isSpace(code));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f;
}

/**
 * Encodes tokens as one UTF-16 code unit each (same token → same unit), so that a character
 * diff of the encoded strings is a token diff. Surrogate code units are never used (the diff
 * treats them specially). Beyond ~63k distinct tokens codes are shared by hashing: callers must
 * re-compare the actual tokens of "equal" runs.
 */
export class TokenEncoder {
  private readonly codes = new Map<string, number>();
  private next = 1;

  encode(words: readonly string[], from = 0, to = words.length): string {
    const units = new Uint16Array(to - from);
    for (let i = from; i < to; i++) units[i - from] = this.codeOf(words[i]);
    let out = '';
    const CHUNK = 8192;
    for (let i = 0; i < units.length; i += CHUNK) {
      out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
    }
    return out;
  }

  private codeOf(word: string): number {
    let code = this.codes.get(word);
    if (code !== undefined) return code;
    if (this.next < 0xffff) {
      code = this.next++;
      if (this.next === 0xd800) this.next = 0xe000;
    } else {
      code = hashCode(word);
    }
    this.codes.set(word, code);
    return code;
  }
}

/** Deterministic fallback code in [1, 0xd7ff] ∪ [0xe000, 0xfffe]. */
function hashCode(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  const range = 0xd7ff + (0xfffe - 0xe000 + 1);
  const v = ((h >>> 0) % range) + 1;
  return v <= 0xd7ff ? v : v - 0xd7ff - 1 + 0xe000;
}

/** Integer code per distinct token (same token → same code), for the integer Myers diff. */
export class TokenCoder {
  private readonly codes = new Map<string, number>();

  encode(words: readonly string[]): Int32Array {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let code = this.codes.get(words[i]);
      if (code === undefined) {
        code = this.codes.size;
        this.codes.set(words[i], code);
      }
      out[i] = code;
    }
    return out;
  }
}
