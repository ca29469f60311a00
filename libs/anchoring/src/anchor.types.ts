/**
 * Public data model of the anchoring library (W3C Web Annotation selectors).
 *
 * All offsets are UTF-16 code units of the plain text, i.e. plain JavaScript
 * string indices: a character outside the BMP (emoji, some CJK) counts as two.
 */

/** W3C TextQuoteSelector: the selected text and up to N code units of context on each side. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: half-open range [start, end) in UTF-16 code units. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** What an annotation remembers about the passage it is attached to. */
export interface AnchorTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * - EXACT: same text at the same offsets.
 * - MOVED: same text, different offsets (text inserted/deleted before it, or block moved).
 * - FUZZY: the passage was edited; the closest match was accepted with `score` in [minScore, 1).
 * - ORPHANED: no acceptable match (passage deleted or rewritten beyond recognition).
 */
export const ANCHOR_STATUSES = ['EXACT', 'MOVED', 'FUZZY', 'ORPHANED'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

export interface AnchorResult {
  status: AnchorStatus;
  /** Range in the new text, null when ORPHANED. */
  position: TextPositionSelector | null;
  /** The quote as found in the new text (new exact, prefix and suffix), null when ORPHANED. */
  quote: TextQuoteSelector | null;
  /** 1 for EXACT/MOVED, in [minScore, 1) for FUZZY, 0 for ORPHANED. */
  score: number;
}

export type VerifyFailureReason = 'OUT_OF_RANGE' | 'QUOTE_MISMATCH' | 'EMPTY' | 'SPLITS_SURROGATE_PAIR';

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailureReason };

export interface ReanchorOptions {
  /** Minimum score for a FUZZY match to be accepted (default 0.7, chosen on the benchmark). */
  minScore?: number;
  /** Context length (code units) used for the prefix/suffix of returned quotes (default 32). */
  contextLength?: number;
  /**
   * Minimum context similarity (best of prefix/suffix, 0..1) required to accept an exact copy of
   * the quote found away from where the alignment expects it, e.g. an article moved as a block
   * (default 0.8).
   */
  minRelocationContext?: number;
  /**
   * Minimum verbatim span (code units) of a relocated exact copy: the quote plus the surroundings
   * that are identical between the old text around the passage and the new text around the copy.
   * Guards against formulas repeated verbatim across articles (default 256).
   */
  minRelocationSpan?: number;
}

export const WORD_DIFF_OPS = ['equal', 'insert', 'delete'] as const;
export type WordDiffOp = (typeof WORD_DIFF_OPS)[number];

export interface WordDiffPart {
  op: WordDiffOp;
  text: string;
}
