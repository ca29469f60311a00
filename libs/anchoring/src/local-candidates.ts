import search from 'approx-string-match';
import type { TextQuoteSelector } from './anchor.types';
import { minQuoteSimilarity, scoreCandidate, type ScoredCandidate } from './candidate-score';
import { snapBackward, snapForward } from './surrogates';
import type { TextAlignment } from './text-alignment';

/** A target whose old range [oldStart, oldEnd) touches edited text. */
export interface LocalQuery {
  oldStart: number;
  oldEnd: number;
  quote: TextQuoteSelector;
  newText: string;
  alignment: TextAlignment;
  minScore: number;
}

export interface LocalResult {
  candidates: ScoredCandidate[];
  /** Where the alignment expects the new start to be. */
  predictedStart: number;
}

/** Quotes longer than this are searched by their head and tail instead of as a whole. */
export const LONG_QUOTE = 400;
const HEAD_TAIL = 64;
/** Search windows never exceed this many code units beyond the predicted range. */
const MAX_EXTRA_REGION = 4096;
const MAX_MATCHES = 8;
/** Share of the old passage that must survive (anywhere) for a local approximate search. */
const MIN_SURVIVING_SHARE = 0.25;

/**
 * Candidates near where the alignment says the passage should be:
 * 1. "aligned": both boundary characters survive → their new offsets delimit the candidate,
 *    quote similarity = surviving characters / length (no search needed);
 * 2. "searched": otherwise (or if 1 scores too low), bit-parallel approximate search (Myers) of
 *    the quote — or of its head and tail for long quotes — in a window between the nearest
 *    surviving characters around the range, widened by a margin.
 * Matches made mostly of old text from elsewhere belong to another passage and are dropped:
 * a deleted passage must not be attached to a surviving look-alike next to it.
 */
export function localCandidates(q: LocalQuery): LocalResult {
  const { oldStart: s, oldEnd: e, alignment } = q;
  const len = e - s;
  const mappedStart = alignment.mapOffset(s);
  const mappedLast = alignment.mapOffset(e - 1);
  const predictedStart = mappedStart ?? alignment.anchorBefore(s).offset;
  const predictedEnd = mappedLast !== null ? mappedLast + 1 : alignment.anchorAfter(e).offset;
  const candidates: ScoredCandidate[] = [];

  if (mappedStart !== null && mappedLast !== null && mappedStart <= mappedLast) {
    const ns = mappedStart;
    const ne = snapForward(q.newText, mappedLast + 1);
    const similarity = alignment.survivingInOld(s, e) / Math.max(len, ne - ns);
    candidates.push(
      scoreCandidate({ start: ns, end: ne, quoteSimilarity: similarity, positionSimilarity: 1 }, q.quote, q.newText),
    );
    if (candidates[0].score >= q.minScore) return { candidates, predictedStart };
  }

  // A passage of which (almost) nothing survived has nothing left to edit here: any "match" would
  // be a look-alike in replacement text. Only exact relocation (block moves) can still find it.
  if (alignment.survivingInOld(s, e) < len * MIN_SURVIVING_SHARE) return { candidates, predictedStart };
  const found =
    len > LONG_QUOTE ? headTailMatches(q, predictedStart, predictedEnd) : wholeMatches(q, predictedStart, predictedEnd);
  for (const m of found) {
    const start = snapBackward(q.newText, m.start);
    const end = snapForward(q.newText, m.end);
    if (end <= start || !ownedEnough(q, start, end)) continue;
    const positionSimilarity = Math.max(0, 1 - Math.abs(start - predictedStart) / Math.max(64, len));
    candidates.push(
      scoreCandidate({ start, end, quoteSimilarity: m.similarity, positionSimilarity }, q.quote, q.newText),
    );
  }
  return { candidates, predictedStart };
}

interface RawMatch {
  start: number;
  end: number;
  similarity: number;
}

/** Windows of the new text to search, around the predicted range (two windows if the gap is huge). */
function windows(
  newLength: number,
  predictedStart: number,
  predictedEnd: number,
  len: number,
): Array<[number, number]> {
  const margin = 16 + (len >> 1);
  const lo = Math.min(predictedStart, predictedEnd - len);
  const hi = Math.max(predictedEnd, predictedStart + len);
  const clamp = (x: number): number => Math.max(0, Math.min(newLength, x));
  if (hi - lo <= 2 * len + MAX_EXTRA_REGION) return [[clamp(lo - margin), clamp(hi + margin)]];
  return [
    [clamp(predictedStart - margin), clamp(predictedStart + len + MAX_EXTRA_REGION / 2 + margin)],
    [clamp(predictedEnd - len - MAX_EXTRA_REGION / 2 - margin), clamp(predictedEnd + margin)],
  ];
}

function wholeMatches(q: LocalQuery, predictedStart: number, predictedEnd: number): RawMatch[] {
  const pattern = q.quote.exact;
  const maxErrors = Math.floor(pattern.length * (1 - minQuoteSimilarity(q.minScore)));
  const out: RawMatch[] = [];
  for (const [from, to] of windows(q.newText.length, predictedStart, predictedEnd, pattern.length)) {
    if (to - from < pattern.length - maxErrors || !mayHoldOwnedMatch(q, from, to, pattern.length - maxErrors)) continue;
    const matches = search(q.newText.slice(from, to), pattern, maxErrors);
    for (const m of dedupe(matches).slice(0, MAX_MATCHES)) {
      out.push({ start: from + m.start, end: from + m.end, similarity: 1 - m.errors / pattern.length });
    }
  }
  return out;
}

/**
 * Long quotes: match the first and last HEAD_TAIL code units separately, each in a window around
 * its own predicted boundary (short patterns keep Myers at one or two 32-bit blocks), pair them,
 * and estimate the middle from the alignment (share of the old middle that survived).
 */
function headTailMatches(q: LocalQuery, predictedStart: number, predictedEnd: number): RawMatch[] {
  const { exact } = q.quote;
  const len = exact.length;
  const headLen = snapForward(exact, HEAD_TAIL);
  const tailFrom = snapBackward(exact, len - HEAD_TAIL);
  const head = exact.slice(0, headLen);
  const tail = exact.slice(tailFrom);
  const k = Math.floor(HEAD_TAIL * (1 - minQuoteSimilarity(q.minScore)));
  const slack = Math.min(MAX_EXTRA_REGION, 64 + (len >> 1));
  const heads = boundedSearch(q.newText, head, k, predictedStart - slack, predictedStart + headLen + slack);
  const tails = boundedSearch(q.newText, tail, k, predictedEnd - tail.length - slack, predictedEnd + slack);
  const middleOld = tailFrom - headLen;
  const middleSurviving = middleOld > 0 ? q.alignment.survivingInOld(q.oldStart + headLen, q.oldStart + tailFrom) : 0;
  const out: RawMatch[] = [];
  for (const h of heads) {
    for (const t of tails) {
      if (t.start < h.end) continue;
      const middleNew = t.start - h.end;
      const middleSim = middleOld > 0 ? middleSurviving / Math.max(middleOld, middleNew) : middleNew === 0 ? 1 : 0;
      const errors = h.errors + t.errors + (1 - middleSim) * Math.max(middleOld, middleNew);
      out.push({ start: h.start, end: t.end, similarity: Math.max(0, 1 - errors / len) });
    }
  }
  return out;
}

function boundedSearch(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
): Array<{ start: number; end: number; errors: number }> {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < pattern.length - maxErrors) return [];
  return dedupe(search(text.slice(lo, hi), pattern, maxErrors))
    .slice(0, MAX_MATCHES)
    .map((m) => ({ start: lo + m.start, end: lo + m.end, errors: m.errors }));
}

/** Myers reports every end position of equal cost; keep one match per start. */
function dedupe<T extends { start: number; end: number; errors: number }>(matches: T[]): T[] {
  const seen = new Set<number>();
  return matches.filter((m) => (seen.has(m.start) ? false : (seen.add(m.start), true)));
}

/**
 * A match (at least `minLength` long) can only pass `ownedEnough` if the window holds at least
 * minLength / 2 code units that are new or come from the target itself.
 */
function mayHoldOwnedMatch(q: LocalQuery, from: number, to: number, minLength: number): boolean {
  const { aligned, own } = q.alignment.originsInNew(from, to, q.oldStart, q.oldEnd);
  return (to - from - (aligned - own)) * 2 >= minLength;
}

/** False when more than half of the new range comes from old text outside the target's own range. */
function ownedEnough(q: LocalQuery, start: number, end: number): boolean {
  const { aligned, own } = q.alignment.originsInNew(start, end, q.oldStart, q.oldEnd);
  return (aligned - own) * 2 <= end - start;
}
