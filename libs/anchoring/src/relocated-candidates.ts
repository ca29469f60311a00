import type { TextQuoteSelector } from './anchor.types';
import { scoreCandidate, type ScoredCandidate } from './candidate-score';
import { splitsSurrogatePair } from './surrogates';
import type { TextAlignment } from './text-alignment';
import { KGramIndex } from './kgram-index';
import { supportSpan } from './verbatim-span';

export interface RelocationQuery {
  oldStart: number;
  oldEnd: number;
  oldText: string;
  quote: TextQuoteSelector;
  newText: string;
  alignment: TextAlignment;
  /** Best of prefix/suffix similarity (stored context) required to accept a relocated copy. */
  minContext: number;
  /** Minimum verbatim span (quote + identical old/new surroundings) of a relocated copy. */
  minSpan: number;
}

/** A quote occurring more often than this in the new text is too common to be relocated. */
const MAX_OCCURRENCES = 64;
/** Occurrences whose stored context is scored in full, after ranking by verbatim span. */
const MAX_SCORED = 8;

/** Finds every occurrence of a string in the new text (k-gram index built on first use). */
export class OccurrenceIndex {
  private index: KGramIndex | null = null;
  constructor(private readonly text: string) {}

  /** Start offsets of `exact`, ascending; at most `limit` + 1 (one more tells "too many"). */
  find(exact: string, limit: number): number[] {
    this.index ??= new KGramIndex(this.text, [[0, this.text.length]]);
    const found = this.index.find(exact, limit + 1);
    if (found !== null) return found;
    const out: number[] = [];
    for (let i = this.text.indexOf(exact); i !== -1 && out.length <= limit; i = this.text.indexOf(exact, i + 1))
      out.push(i);
    return out;
  }
}

/**
 * Exact copies of the quote elsewhere in the new text — a passage moved as a block shows up in
 * the diff as deleted here and inserted there. Regulatory texts repeat formulas verbatim, so a
 * copy is only accepted with evidence that it is the same block and not a look-alike:
 * - its verbatim span — the quote plus the surroundings that are identical between the old text
 *   around the passage and the new text around the copy — is at least `minSpan` long;
 * - that span is longer than any claim of other old text on the copy (a copy that the diff
 *   aligned with a longer stretch of other old text is that text's descendant, not ours);
 * - its stored prefix or suffix matches well enough (`minContext`).
 */
export function relocatedCandidates(q: RelocationQuery, index: OccurrenceIndex): ScoredCandidate[] {
  const len = q.quote.exact.length;
  const kept: Array<{ start: number; span: number }> = [];
  const occurrences = index.find(q.quote.exact, MAX_OCCURRENCES);
  if (occurrences.length > MAX_OCCURRENCES) return [];
  for (const start of occurrences) {
    const end = start + len;
    if (splitsSurrogatePair(q.newText, start) || splitsSurrogatePair(q.newText, end)) continue;
    const span = supportSpan(q.oldText, q.oldStart, q.oldEnd, q.newText, start, end, len);
    if (span < q.minSpan) continue;
    if (q.alignment.longestForeignSegment(start, end, q.oldStart, q.oldEnd) >= span) continue;
    kept.push({ start, span });
  }
  kept.sort((a, b) => b.span - a.span || a.start - b.start);
  const out: ScoredCandidate[] = [];
  for (const { start } of kept.slice(0, MAX_SCORED)) {
    const c = scoreCandidate(
      { start, end: start + len, quoteSimilarity: 1, positionSimilarity: null },
      q.quote,
      q.newText,
    );
    if (Math.max(c.prefixSimilarity, c.suffixSimilarity) >= q.minContext) out.push(c);
  }
  return out;
}
