import fastDiff from 'fast-diff';
import type { AnchorResult, AnchorStatus, AnchorTarget, ReanchorOptions, TextPositionSelector } from './anchor.types';
import { scoreCandidate } from './candidate-score';
import { DEFAULT_CONTEXT_LENGTH, quoteAt } from './describe-selection';
import { DEFAULT_MIN_SCORE, reanchorWithAlignment } from './reanchor';
import { alignTexts, type TextAlignment } from './text-alignment';

/** An annotation carried from one version to the next, remembering what its author quoted. */
export interface ChainedTarget {
  /** What the author selected, on the version the annotation was made on: the reference for status and score. */
  original: AnchorTarget;
  /** Where it stood on the previous version (the old text): position chaining starts from here. */
  previous: AnchorTarget & { status: AnchorStatus; score: number };
}

/**
 * Re-anchors annotations from one version to the next when they were made on an earlier one. The POSITION is
 * chained (found from where each stood on the old text, with `reanchor`); the STATUS and SCORE are judged against
 * what the author quoted, so drift never accumulates:
 * - the text at the new place is the quoted text again → EXACT (at the quoted offsets) or MOVED, score 1 — also
 *   when an edited passage is restored to its original wording;
 * - the passage did not change since the previous version → its previous FUZZY score is carried forward;
 * - it changed (again) → FUZZY with its score against the original quote; below `minScore` → ORPHANED (a passage
 *   edited step by step until it no longer resembles what was quoted is not attached to it).
 */
export function reanchorChained(
  targets: readonly ChainedTarget[],
  oldText: string,
  newText: string,
  options: ReanchorOptions = {},
  alignment: TextAlignment = alignTexts(oldText, newText),
): AnchorResult[] {
  const steps = reanchorWithAlignment(
    targets.map((target) => ({ quote: target.previous.quote, position: target.previous.position })),
    oldText,
    newText,
    alignment,
    options,
  );
  return steps.map((step, index) => judgeAgainstOriginal(targets[index], step, newText, options));
}

/** Status and score of a chained step's result, judged against the original quote (see `reanchorChained`). */
export function judgeAgainstOriginal(
  target: ChainedTarget,
  step: AnchorResult,
  newText: string,
  options: ReanchorOptions = {},
): AnchorResult {
  const { original, previous } = target;
  if (step.position === null || previous.status === 'ORPHANED') return ORPHANED;
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
  // First step: the step was already judged against the quote.
  if (sameTarget(original, previous))
    return step.status === 'FUZZY' ? snapped(step, original, newText, contextLength) : step;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const restored = quotedTextNear(newText, original.quote.exact, step.position);
  if (restored !== null) {
    return {
      status: restored.start === original.position.start ? 'EXACT' : 'MOVED',
      position: restored,
      quote: quoteAt(newText, restored.start, restored.end, contextLength),
      score: 1,
    };
  }
  const unchangedSincePrevious = step.score === 1;
  if (unchangedSincePrevious && previous.status === 'FUZZY') return { ...step, status: 'FUZZY', score: previous.score };
  const { start, end } = step.position;
  const score = scoreCandidate(
    {
      start,
      end,
      quoteSimilarity: textSimilarity(original.quote.exact, newText.slice(start, end)),
      positionSimilarity: 1,
    },
    original.quote,
    newText,
  ).score;
  if (score < minScore) return ORPHANED;
  return snapped(
    { ...step, status: 'FUZZY', score: Math.min(score, MAX_FUZZY_SCORE) },
    original,
    newText,
    contextLength,
  );
}

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (text: string, at: number): boolean => at >= 0 && at < text.length && LETTER.test(text[at]);

/**
 * A FUZZY range whose edge falls inside a word, when the author's selection began (ended) on a word boundary, is
 * widened to the whole word: an approximate match of an edited first or last word otherwise keeps only its tail
 * or head ("ze établissements" for "quinze établissements"), and chaining would carry the cut on.
 */
function snapped(result: AnchorResult, original: AnchorTarget, text: string, contextLength: number): AnchorResult {
  if (result.position === null) return result;
  const { exact, prefix, suffix } = original.quote;
  let { start, end } = result.position;
  const startsOnWord = isLetter(exact, 0) && !isLetter(prefix, prefix.length - 1);
  const endsOnWord = isLetter(exact, exact.length - 1) && !isLetter(suffix, 0);
  if (startsOnWord) while (isLetter(text, start - 1) && isLetter(text, start)) start--;
  if (endsOnWord) while (isLetter(text, end) && isLetter(text, end - 1)) end++;
  if (start === result.position.start && end === result.position.end) return result;
  return { ...result, position: { start, end }, quote: quoteAt(text, start, end, contextLength) };
}

const ORPHANED: AnchorResult = { status: 'ORPHANED', position: null, quote: null, score: 0 };
/** A FUZZY score never reads as 1 (which means "the quoted text"). */
const MAX_FUZZY_SCORE = 0.9999;

function sameTarget(a: AnchorTarget, b: AnchorTarget): boolean {
  return (
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix
  );
}

/**
 * The quoted text itself, found where the chain put the passage: an occurrence of `exact` overlapping the found
 * range by at least half of the longer of the two (the closest to it if several), else null.
 */
function quotedTextNear(text: string, exact: string, found: TextPositionSelector): TextPositionSelector | null {
  if (exact.length === 0) return null;
  if (text.startsWith(exact, found.start) && found.end - found.start === exact.length) return { ...found };
  const longer = Math.max(exact.length, found.end - found.start);
  let best: TextPositionSelector | null = null;
  for (let at = text.indexOf(exact, Math.max(0, found.start - exact.length)); at !== -1 && at < found.end;) {
    const overlap = Math.min(at + exact.length, found.end) - Math.max(at, found.start);
    if (overlap * 2 >= longer && (!best || Math.abs(at - found.start) < Math.abs(best.start - found.start))) {
      best = { start: at, end: at + exact.length };
    }
    at = text.indexOf(exact, at + 1);
  }
  return best;
}

/** 1 − (edits / longer length), edits counted on a character diff (a replacement counts once). */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let edits = 0;
  let deleted = 0;
  let inserted = 0;
  for (const [op, text] of fastDiff(a, b)) {
    if (op === fastDiff.EQUAL) {
      edits += Math.max(deleted, inserted);
      deleted = inserted = 0;
    } else if (op === fastDiff.DELETE) deleted += text.length;
    else inserted += text.length;
  }
  edits += Math.max(deleted, inserted);
  return Math.max(0, 1 - edits / longer);
}
