import type {
  AnchorResult,
  AnchorTarget,
  ReanchorOptions,
  TextPositionSelector,
  TextQuoteSelector,
} from './anchor.types';
import { rankCandidates, scoreCandidate, type ScoredCandidate, type SupportedCandidate } from './candidate-score';
import { CompetingClaims } from './competing-claims';
import { DEFAULT_CONTEXT_LENGTH, quoteAt } from './describe-selection';
import { localCandidates } from './local-candidates';
import { resolveOldRange } from './old-range';
import { OccurrenceIndex, relocatedCandidates } from './relocated-candidates';
import { alignTexts, type TextAlignment } from './text-alignment';
import { supportSpan } from './verbatim-span';

export const DEFAULT_MIN_SCORE = 0.7;
export const DEFAULT_MIN_RELOCATION_CONTEXT = 0.8;
export const DEFAULT_MIN_RELOCATION_SPAN = 256;

interface Session {
  oldText: string;
  newText: string;
  alignment: TextAlignment;
  occurrences: OccurrenceIndex;
  claims: CompetingClaims;
  minScore: number;
  minRelocationContext: number;
  minRelocationSpan: number;
  contextLength: number;
}

/**
 * Re-anchors annotations made on `oldText` onto `newText`. Deterministic; one result per target,
 * in order. The two texts are aligned once (`alignTexts`: sentence, word and character diff plus
 * detection of moved blocks); then, for each target:
 * 1. passage unchanged and well supported by identical surroundings → EXACT/MOVED, O(log n);
 * 2. otherwise candidates where the alignment points: the range between its surviving boundary
 *    characters, or a bit-parallel approximate search (approx-string-match) nearby, scored on
 *    quote, prefix, suffix and position similarity;
 * 3. if the passage vanished from its place: exact copies elsewhere, accepted only with a long
 *    verbatim span of identical surroundings (repeated formulas are not evidence);
 * candidates descending from another old passage are rejected; below `minScore` → ORPHANED.
 */
export function reanchor(
  targets: readonly AnchorTarget[],
  oldText: string,
  newText: string,
  options: ReanchorOptions = {},
): AnchorResult[] {
  return reanchorWithAlignment(targets, oldText, newText, alignTexts(oldText, newText), options);
}

/** Same as `reanchor`, reusing an alignment from `alignTexts(oldText, newText)`. */
export function reanchorWithAlignment(
  targets: readonly AnchorTarget[],
  oldText: string,
  newText: string,
  alignment: TextAlignment,
  options: ReanchorOptions = {},
): AnchorResult[] {
  const session: Session = {
    oldText,
    newText,
    alignment,
    occurrences: new OccurrenceIndex(newText),
    claims: new CompetingClaims(oldText, newText, alignment),
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
    minRelocationContext: options.minRelocationContext ?? DEFAULT_MIN_RELOCATION_CONTEXT,
    // In texts too short to hold that much context, half of the shorter text is as strong a proof.
    minRelocationSpan: Math.min(
      options.minRelocationSpan ?? DEFAULT_MIN_RELOCATION_SPAN,
      Math.ceil(Math.min(oldText.length, newText.length) / 2),
    ),
    contextLength: options.contextLength ?? DEFAULT_CONTEXT_LENGTH,
  };
  return targets.map((target) => reanchorOne(target, session));
}

function reanchorOne(target: AnchorTarget, session: Session): AnchorResult {
  const { newText, alignment, minScore } = session;
  const range = resolveOldRange(session.oldText, target);
  if (range === null || newText.length === 0) return orphaned();
  const quote = target.quote;
  const pool: SupportedCandidate[] = [];

  // 1. The passage survived unchanged: no search, provided it is well supported (identical
  //    surroundings) — otherwise it may be an island of shared wording inside replaced text.
  const unchanged = alignment.mapUnchangedRange(range.start, range.end);
  if (unchanged !== null && newText.startsWith(quote.exact, unchanged.start)) {
    const support = supportSpan(
      session.oldText,
      range.start,
      range.end,
      newText,
      unchanged.start,
      unchanged.end,
      range.end - range.start,
    );
    if (support >= session.minRelocationSpan) return found(session, range, unchanged, 1);
    const island = {
      ...scoreCandidate({ ...unchanged, quoteSimilarity: 1, positionSimilarity: 1 }, quote, newText),
      support,
    };
    if (contextSurvives(quote, newText, unchanged)) island.score = Math.max(island.score, minScore);
    pool.push(island);
  }

  // 2. Local search where the alignment points.
  const query = { oldStart: range.start, oldEnd: range.end, quote, newText, alignment };
  const local = localCandidates({ ...query, minScore });
  for (const c of local.candidates) pool.push(supported(session, range, c));
  const acceptable = (c: SupportedCandidate): boolean => c.score >= minScore && !claimedByOther(session, range, c);
  let best = rankCandidates(pool, local.predictedStart).find(acceptable) ?? null;

  // 3. Exact copies elsewhere (block moves): only if the passage vanished from its place (a
  //    passage edited in place survives in part, and a copy elsewhere is a look-alike), or if
  //    all we have is a weakly supported exact island.
  const vanished = alignment.survivingInOld(range.start, range.end) * 2 < range.end - range.start;
  const weakIsland = best !== null && isExact(best, quote, newText) && best.support < session.minRelocationSpan;
  if (vanished || weakIsland) {
    const relocated = relocatedCandidates(
      {
        ...query,
        oldText: session.oldText,
        minContext: session.minRelocationContext,
        minSpan: session.minRelocationSpan,
      },
      session.occurrences,
    ).map((c) => supported(session, range, c));
    const moved = rankCandidates(relocated, local.predictedStart).find(acceptable);
    // An exact copy with wider identical surroundings beats a weakly supported exact island.
    if (
      moved &&
      (best === null || (isExact(best, quote, newText) ? moved.support > best.support : moved.score > best.score))
    )
      best = moved;
  }
  if (best === null) return orphaned();
  return found(session, range, best, isExact(best, quote, newText) ? 1 : best.score);
}

/** Candidate with its support span: identical surroundings + matched part of the passage. */
function supported(session: Session, range: TextPositionSelector, c: ScoredCandidate): SupportedCandidate {
  const matched = Math.round(c.quoteSimilarity * Math.max(range.end - range.start, c.end - c.start));
  return {
    ...c,
    support: supportSpan(session.oldText, range.start, range.end, session.newText, c.start, c.end, matched),
  };
}

/** The candidate text descends, with better support, from another old passage that vanished. */
function claimedByOther(session: Session, range: TextPositionSelector, c: SupportedCandidate): boolean {
  return session.claims.isClaimedByOther(c.start, c.end, range.start, range.end, c.support);
}

/** Stored prefix or suffix found verbatim next to the mapped range (or no context was stored). */
function contextSurvives(quote: TextQuoteSelector, newText: string, r: TextPositionSelector): boolean {
  if (quote.prefix.length === 0 && quote.suffix.length === 0) return true;
  return (
    (quote.prefix.length > 0 && newText.endsWith(quote.prefix, r.start)) ||
    (quote.suffix.length > 0 && newText.startsWith(quote.suffix, r.end))
  );
}

function isExact(c: ScoredCandidate, quote: TextQuoteSelector, newText: string): boolean {
  return c.end - c.start === quote.exact.length && newText.startsWith(quote.exact, c.start);
}

function orphaned(): AnchorResult {
  return { status: 'ORPHANED', position: null, quote: null, score: 0 };
}

function found(session: Session, old: TextPositionSelector, r: TextPositionSelector, score: number): AnchorResult {
  const exact = score === 1;
  return {
    status: exact ? (r.start === old.start ? 'EXACT' : 'MOVED') : 'FUZZY',
    position: { start: r.start, end: r.end },
    quote: quoteAt(session.newText, r.start, r.end, session.contextLength),
    score,
  };
}
