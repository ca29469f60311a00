import fastDiff from 'fast-diff';
import { dissolveWeakEqualities, type DiffRun } from './diff-runs';
import { myersDiff } from './myers-diff';
import type { SegmentBuilder } from './segment-builder';
import { tokenize, type TokenCoder, type Tokens } from './tokenize';
import { pairSimilarUnits, similarity } from './unit-pairing';

/** Share of words two sentences must have in common to be aligned as "edited versions". */
const MIN_UNIT_SIMILARITY = 0.6;
/** Word equalities at least this long (code units) are never dissolved as coincidental. */
const STRONG_EQUALITY = 64;
/** Changed word hunks up to this many code units (old + new) are refined with a character diff. */
const CHAR_REFINE_LIMIT = 400;
/** Unpaired units tolerated between two consecutive pairs of one chain. */
const CHAIN_GAP = 2;

/** What a hunk aligner needs from the sentence-level diff. */
export interface HunkContext {
  oldText: string;
  newText: string;
  oldUnits: Tokens;
  newUnits: Tokens;
  coder: TokenCoder;
  /** True when old unit i and new unit j are identical and occur once in each text (e.g. a heading). */
  isUniqueMatch(i: number, j: number): boolean;
}

/** True when two units share enough words to be edited versions of each other. */
export function similarUnits(ctx: HunkContext, i: number, j: number): boolean {
  const x = unitWords(ctx.oldUnits, i, ctx.coder).vocabulary;
  const y = unitWords(ctx.newUnits, j, ctx.coder).vocabulary;
  return similarity(x, y, MIN_UNIT_SIMILARITY) >= MIN_UNIT_SIMILARITY;
}

interface UnitWords {
  tokens: Tokens;
  codes: Int32Array;
  /** Sorted codes of the word tokens only (no spaces, no punctuation): the unit's vocabulary. */
  vocabulary: Int32Array;
}

/**
 * Aligns a changed hunk (old units [aFrom, aTo) replaced by new units [bFrom, bTo)): sentences
 * are paired with their edited versions by word overlap, then aligned word by word (and
 * character by character inside small word changes).
 */
export function alignHunk(ctx: HunkContext, run: DiffRun, out: SegmentBuilder, available?: UnitFilter): void {
  const oldIdx = unitIndices(run.aFrom, run.aTo, available?.keepOld);
  const newIdx = unitIndices(run.bFrom, run.bTo, available?.keepNew);
  const olds = oldIdx.map((u) => unitWords(ctx.oldUnits, u, ctx.coder));
  const news = newIdx.map((u) => unitWords(ctx.newUnits, u, ctx.coder));
  const pairs = pairSimilarUnits(
    olds.map((u) => u.vocabulary),
    news.map((u) => u.vocabulary),
    MIN_UNIT_SIMILARITY,
  );
  const kept = coherent(pairs, olds, news)
    ? pairs
    : trustworthyPairs(pairs, olds.length, news.length, (i, j) => ctx.isUniqueMatch(oldIdx[i], newIdx[j]));
  for (const [i, j] of kept) {
    const wa = olds[i];
    const wb = news[j];
    const words = myersDiff(wa.codes, wb.codes, wa.codes.length + wb.codes.length);
    if (words === null) continue;
    for (const w of dissolveWeakEqualities(words, wa.tokens, wb.tokens, STRONG_EQUALITY)) {
      if (w.equal) pushEqual(wa.tokens, wb.tokens, w, out);
      else
        refineChars(
          ctx.oldText,
          ctx.newText,
          wa.tokens.starts[w.aFrom],
          wa.tokens.starts[w.aTo],
          wb.tokens.starts[w.bFrom],
          wb.tokens.starts[w.bTo],
          out,
        );
    }
  }
}

/**
 * An edit keeps most of a hunk recognisable on at least one side. When the paired sentences cover
 * less than half of both sides, the hunk is a replacement (say a deleted article next to an
 * inserted one) and its pairs must prove themselves (see trustworthyPairs).
 */
function coherent(
  pairs: ReadonlyArray<readonly [number, number]>,
  olds: readonly UnitWords[],
  news: readonly UnitWords[],
): boolean {
  const total = (units: readonly UnitWords[]): number => units.reduce((sum, u) => sum + unitSize(u), 0);
  let pairedOld = 0;
  let pairedNew = 0;
  for (const [i, j] of pairs) {
    pairedOld += unitSize(olds[i]);
    pairedNew += unitSize(news[j]);
  }
  return pairedOld * 2 >= total(olds) || pairedNew * 2 >= total(news);
}

/**
 * In a replaced hunk, pairs are grouped in chains (each pair within CHAIN_GAP units of the
 * previous one on both sides). A chain is kept when it continues the unchanged text around the
 * hunk (it starts with the first units of both sides, or ends with the last ones), or when it
 * contains a unique identical unit such as an article heading: that is an edited article. An
 * isolated similar sentence among unrelated ones is a formula look-alike and is dropped.
 */
function trustworthyPairs(
  pairs: ReadonlyArray<readonly [number, number]>,
  oldCount: number,
  newCount: number,
  isUniqueMatch: (i: number, j: number) => boolean,
): Array<readonly [number, number]> {
  const kept: Array<readonly [number, number]> = [];
  for (let from = 0; from < pairs.length;) {
    let to = from + 1;
    while (
      to < pairs.length &&
      pairs[to][0] - pairs[to - 1][0] <= CHAIN_GAP + 1 &&
      pairs[to][1] - pairs[to - 1][1] <= CHAIN_GAP + 1
    )
      to++;
    const chain = pairs.slice(from, to);
    const first = chain[0];
    const last = chain[chain.length - 1];
    const continuesBefore = first[0] === 0 && first[1] === 0;
    const continuesAfter = last[0] === oldCount - 1 && last[1] === newCount - 1;
    if (continuesBefore || continuesAfter || chain.some(([i, j]) => isUniqueMatch(i, j))) kept.push(...chain);
    from = to;
  }
  return kept;
}

function unitSize(u: UnitWords): number {
  return u.tokens.starts[u.tokens.words.length] - u.tokens.starts[0];
}

/** Units of a hunk that the caller still leaves to this aligner (e.g. not part of a moved block). */
export interface UnitFilter {
  keepOld(i: number): boolean;
  keepNew(j: number): boolean;
}

function unitIndices(from: number, to: number, keep?: (u: number) => boolean): number[] {
  const out: number[] = [];
  for (let u = from; u < to; u++) if (!keep || keep(u)) out.push(u);
  return out;
}

function unitWords(units: Tokens, u: number, coder: TokenCoder): UnitWords {
  const tokens = tokenize(units.words[u], units.starts[u]);
  const codes = coder.encode(tokens.words);
  const vocabulary = codes.filter((_, k) => isWordToken(tokens.words[k])).sort();
  return { tokens, codes, vocabulary };
}

const WORD_START = /^[\p{L}\p{N}]/u;

function isWordToken(token: string): boolean {
  return WORD_START.test(token);
}

/** Equal token run; tokens are re-compared because codes may collide. */
export function pushEqual(a: Tokens, b: Tokens, run: DiffRun, out: SegmentBuilder): void {
  for (let i = run.aFrom, j = run.bFrom; i < run.aTo; i++, j++) {
    if (a.words[i] === b.words[j]) out.push(a.starts[i], b.starts[j], a.words[i].length);
  }
}

function refineChars(
  oldText: string,
  newText: string,
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
  out: SegmentBuilder,
): void {
  const oldLen = oldEnd - oldStart;
  const newLen = newEnd - newStart;
  if (oldLen === 0 || newLen === 0 || oldLen + newLen > CHAR_REFINE_LIMIT) return;
  let i = oldStart;
  let j = newStart;
  for (const [op, text] of fastDiff(
    oldText.slice(oldStart, oldEnd),
    newText.slice(newStart, newEnd),
    undefined,
    true,
  )) {
    if (op === fastDiff.EQUAL) out.push(i, j, text.length);
    if (op !== fastDiff.INSERT) i += text.length;
    if (op !== fastDiff.DELETE) j += text.length;
  }
}
