import type { TextQuoteSelector } from './anchor.types';
import { prefixSimilarity, suffixSimilarity } from './context-similarity';

/** A possible new location of a passage. */
export interface Candidate {
  start: number;
  end: number;
  /** 1 − edits / length between the old quote and the candidate text. */
  quoteSimilarity: number;
  /** 1 at the position the alignment predicts, decreasing with distance; null for a relocated block. */
  positionSimilarity: number | null;
}

export interface ScoredCandidate extends Candidate {
  prefixSimilarity: number;
  suffixSimilarity: number;
  score: number;
}

/** Candidate with the length of old/new text that agrees around and inside it (see `supportSpan`). */
export interface SupportedCandidate extends ScoredCandidate {
  support: number;
}

/** Stand-in similarity when the target stored no context on that side. */
const NO_CONTEXT = 0.5;

export const WEIGHTS = { quote: 0.5, prefix: 0.2, suffix: 0.2, position: 0.1 } as const;

/**
 * Score in [0, 1]: half quote similarity, 40% context (prefix and suffix), 10% position.
 * A relocated candidate has no expected position: its context gets the position's weight.
 */
export function scoreCandidate(candidate: Candidate, quote: TextQuoteSelector, newText: string): ScoredCandidate {
  const pre = contextOrNeutral(prefixSimilarity(quote.prefix, newText, candidate.start), candidate.start === 0);
  const suf = contextOrNeutral(
    suffixSimilarity(quote.suffix, newText, candidate.end),
    candidate.end === newText.length,
  );
  const q = candidate.quoteSimilarity;
  const score =
    candidate.positionSimilarity === null
      ? WEIGHTS.quote * q + ((1 - WEIGHTS.quote) / 2) * (pre + suf)
      : WEIGHTS.quote * q +
        WEIGHTS.prefix * pre +
        WEIGHTS.suffix * suf +
        WEIGHTS.position * candidate.positionSimilarity;
  return { ...candidate, prefixSimilarity: pre, suffixSimilarity: suf, score: Math.max(0, Math.min(1, score)) };
}

/** An empty stored context matches a text edge perfectly, anything else neutrally. */
function contextOrNeutral(similarity: number | null, atTextEdge: boolean): number {
  if (similarity !== null) return similarity;
  return atTextEdge ? 1 : NO_CONTEXT;
}

/** Lowest quote similarity that can still reach `minScore` with perfect context and position. */
export function minQuoteSimilarity(minScore: number): number {
  return Math.max(0, (minScore - (1 - WEIGHTS.quote)) / WEIGHTS.quote);
}

/**
 * Candidates best first: highest score, then widest support, then closest to the predicted
 * start, then leftmost (deterministic).
 */
export function rankCandidates<T extends SupportedCandidate>(candidates: readonly T[], predictedStart: number): T[] {
  return [...candidates].sort(
    (a, b) =>
      b.score - a.score ||
      b.support - a.support ||
      Math.abs(a.start - predictedStart) - Math.abs(b.start - predictedStart) ||
      a.start - b.start ||
      a.end - b.end,
  );
}
